package se.kasam.sickleave.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.kasam.platform.disclosure.Cell;
import se.kasam.platform.disclosure.Microdata;
import se.kasam.platform.disclosure.Pattern;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Protection;
import se.kasam.platform.disclosure.Reason;
import se.kasam.sickleave.rules.KeyFigures.Key;

/**
 * Every sick-leave figure of one calendar year that any statistics answer can show, protected as one publication.
 * The cells: unit rows (everyone "*", each unit's subtree "S:code", and for a unit with units below it its own staff
 * "O:code") × the year's {@link TimeCell}s × the groups (everyone, women, men, the three age bands), with sick hours
 * over ordinary hours; and for everyone, the long-term hours. The atoms they are sums of: a unit's own staff in one
 * month, in one legal gender and age band.
 *
 * <p>Sick hours are protected first, over all cells at once; then the long-term hours of the cells whose total is
 * shown (a long-term share beside a hidden total would be a figure of its own).
 */
public final class YearPublication {
    public static final String EVERYONE = "*";
    static final Key[] GROUPS = {Key.TOTAL, Key.WOMEN, Key.MEN, Key.AGE_29_OR_YOUNGER, Key.AGE_30_TO_49, Key.AGE_50_OR_OLDER};
    private static final String FEMALE = "FEMALE";
    private static final String MALE = "MALE";

    /** One employee's monthly facts in one unit: hours by age band (ordinary, sick) and long-term hours. */
    public record FactRow(int employee, int month, String unit, String legalGender, double[] ordinary, double[] sick,
                          double longTerm) {
    }

    /** A cell as published: its sums, and why it is hidden (null: shown); the long-term fields for TOTAL only. */
    public record PublishedCell(String row, String period, Key figure, int heads, double ordinary, double sick,
                                double longTerm, Reason reason, Reason longReason) {
    }

    private final List<String> rows = new ArrayList<>();
    private final List<int[]> rowUnits = new ArrayList<>();
    private final int[][] rowsOfUnit;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final int units;

    private YearPublication(Map<String, String> parents, List<FactRow> facts) {
        Map<String, String> tree = new HashMap<>(parents);
        facts.forEach(f -> tree.putIfAbsent(f.unit(), null));
        tree.replaceAll((unit, parent) -> parent != null && tree.containsKey(parent) ? parent : null);
        Map<String, Integer> depth = new HashMap<>();
        tree.keySet().forEach(u -> depth(u, tree, depth));
        List<String> ordered = tree.keySet().stream()
                .sorted(Comparator.comparing((String u) -> depth.get(u)).thenComparing(u -> u)).toList();
        units = ordered.size();
        for (int i = 0; i < units; i++) {
            unitIndex.put(ordered.get(i), i);
        }
        Map<String, List<String>> children = new HashMap<>();
        tree.forEach((u, p) -> {
            if (p != null) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(u);
            }
        });
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            rowsOf.add(new ArrayList<>(List.of(0)));
        }
        rows.add(EVERYONE);
        rowUnits.add(java.util.stream.IntStream.range(0, units).toArray());
        for (String unit : ordered) {
            List<Integer> subtree = new ArrayList<>();
            collect(unit, children, subtree);
            int s = rows.size();
            rows.add("S:" + unit);
            rowUnits.add(subtree.stream().mapToInt(Integer::intValue).toArray());
            subtree.forEach(u -> rowsOf.get(u).add(s));
            if (children.containsKey(unit)) {
                int o = rows.size();
                rows.add("O:" + unit);
                rowUnits.add(new int[]{unitIndex.get(unit)});
                rowsOf.get(unitIndex.get(unit)).add(o);
            }
        }
        rowsOfUnit = rowsOf.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static int depth(String unit, Map<String, String> tree, Map<String, Integer> depth) {
        Integer known = depth.get(unit);
        if (known != null) {
            return known;
        }
        depth.put(unit, 0); // a cycle in the data ends here rather than recursing forever
        String parent = tree.get(unit);
        int d = parent == null ? 0 : depth(parent, tree, depth) + 1;
        depth.put(unit, d);
        return d;
    }

    private void collect(String unit, Map<String, List<String>> children, List<Integer> into) {
        if (into.contains(unitIndex.get(unit))) {
            return;
        }
        into.add(unitIndex.get(unit));
        children.getOrDefault(unit, List.of()).forEach(c -> collect(c, children, into));
    }

    /**
     * @param parents each unit's parent (null for a root), deleted units too
     * @param facts   the year's facts; employees numbered from 0
     */
    public static List<PublishedCell> protect(Map<String, String> parents, List<FactRow> facts, Policy policy) {
        return new YearPublication(parents, facts).protect(facts, policy);
    }

    private int cell(int row, int time, int group) {
        return (row * TimeCell.ALL.size() + time) * GROUPS.length + group;
    }

    private static int gender(FactRow f) {
        return FEMALE.equals(f.legalGender()) ? 0 : 1;
    }

    private List<PublishedCell> protect(List<FactRow> allFacts, Policy policy) {
        List<FactRow> facts = allFacts.stream()
                .filter(f -> FEMALE.equals(f.legalGender()) || MALE.equals(f.legalGender()))
                .sorted(Comparator.comparingInt(FactRow::employee)).toList();
        int times = TimeCell.ALL.size();
        int cells = rows.size() * times * GROUPS.length;
        double[] ordinary = new double[cells];
        double[] sick = new double[cells];
        double[] longTerm = new double[cells];
        int[] heads = new int[cells];
        int[] contributors = new int[cells];
        int[] longContributors = new int[cells];
        Microdata.Builder sickRows = Microdata.builder(units * 72);
        Microdata.Builder longRows = Microdata.builder(units * 12);
        boolean[] present = new boolean[units * 72];
        long[] mine = new long[64];
        for (int i = 0; i < facts.size(); ) {
            int employee = facts.get(i).employee();
            int n = 0;
            for (; i < facts.size() && facts.get(i).employee() == employee; i++) {
                FactRow f = facts.get(i);
                int u = unitIndex.get(f.unit());
                int g = gender(f);
                double o = Arrays.stream(f.ordinary()).sum();
                double s = Arrays.stream(f.sick()).sum();
                int[] timesOf = {0, f.month(), 12 + (f.month() + 2) / 3};
                for (int row : rowsOfUnit[u]) {
                    for (int t : timesOf) {
                        int all = cell(row, t, 0);
                        ordinary[all] += o;
                        sick[all] += s;
                        longTerm[all] += f.longTerm();
                        ordinary[all + 1 + g] += o;
                        sick[all + 1 + g] += s;
                        if (n + 5 >= mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[n++] = (long) all << 2 | (s > 0 ? 1 : 0) | (f.longTerm() > 0 ? 2 : 0);
                        mine[n++] = (long) (all + 1 + g) << 2 | (s > 0 ? 1 : 0);
                        for (int b = 0; b < 3; b++) {
                            if (f.ordinary()[b] > 0) {
                                ordinary[all + 3 + b] += f.ordinary()[b];
                                sick[all + 3 + b] += f.sick()[b];
                                mine[n++] = (long) (all + 3 + b) << 2 | (f.sick()[b] > 0 ? 1 : 0);
                            }
                        }
                    }
                }
                for (int b = 0; b < 3; b++) {
                    if (f.ordinary()[b] > 0) {
                        int atom = atom(u, f.month(), g, b);
                        present[atom] = true;
                        sickRows.add(employee, atom, f.ordinary()[b], Math.min(f.sick()[b], f.ordinary()[b]));
                    }
                }
                if (o > 0) {
                    longRows.add(employee, u * 12 + f.month() - 1, o, Math.min(f.longTerm(), o));
                }
            }
            // an employee is one head of each cell they are in, however many rows put them there
            Arrays.sort(mine, 0, n);
            for (int k = 0; k < n; ) {
                int c = (int) (mine[k] >>> 2);
                long flags = 0;
                for (; k < n && (int) (mine[k] >>> 2) == c; k++) {
                    flags |= mine[k] & 3;
                }
                heads[c]++;
                contributors[c] += (flags & 1) != 0 ? 1 : 0;
                longContributors[c] += (flags & 2) != 0 ? 1 : 0;
            }
        }
        // sick hours: every cell, the year first, then months, then quarters; everyone, then women and men, then ages
        List<Cell> sickCells = new ArrayList<>(cells);
        int[] order = new int[cells];
        int k = 0;
        // units from the top, everyone last: with one root unit they are the same cells; with several roots (a
        // shared test database) everyone would otherwise tie each organisation's pattern to the others'
        for (int t = 0; t < times; t++) {
            for (int g = 0; g < GROUPS.length; g++) {
                for (int i = 1; i <= rows.size(); i++) {
                    int r = i % rows.size();
                    int c = cell(r, t, g);
                    order[k++] = c;
                    sickCells.add(new Cell(atoms(r, TimeCell.ALL.get(t), g, present), heads[c], contributors[c]));
                }
            }
        }
        Pattern sickPattern = Protection.protect(sickCells, sickRows.build(), policy);
        Reason[] reason = new Reason[cells];
        for (int i = 0; i < cells; i++) {
            reason[order[i]] = sickPattern.reason(i);
        }
        // long-term hours: the totals, withheld where the total is hidden
        List<Cell> longCells = new ArrayList<>();
        List<Integer> longOrder = new ArrayList<>();
        List<Boolean> withheld = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            for (int i = 1; i <= rows.size(); i++) {
                int r = i % rows.size();
                int c = cell(r, t, 0);
                longOrder.add(c);
                withheld.add(reason[c] != null);
                longCells.add(new Cell(longAtoms(r, TimeCell.ALL.get(t)), heads[c], longContributors[c]));
            }
        }
        boolean[] held = new boolean[withheld.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = withheld.get(i);
        }
        Pattern longPattern = Protection.protect(longCells, longRows.build(), policy, held);
        Reason[] longReason = new Reason[cells];
        for (int i = 0; i < longOrder.size(); i++) {
            longReason[longOrder.get(i)] = longPattern.reason(i);
        }
        List<PublishedCell> published = new ArrayList<>(cells);
        for (int r = 0; r < rows.size(); r++) {
            for (int t = 0; t < times; t++) {
                for (int g = 0; g < GROUPS.length; g++) {
                    int c = cell(r, t, g);
                    published.add(new PublishedCell(rows.get(r), TimeCell.ALL.get(t).code(), GROUPS[g], heads[c],
                            ordinary[c], sick[c], g == 0 ? longTerm[c] : 0, reason[c], g == 0 ? longReason[c] : null));
                }
            }
        }
        return published;
    }

    private static int atom(int unit, int month, int gender, int band) {
        return ((unit * 12 + month - 1) * 2 + gender) * 3 + band;
    }

    /** The atoms with rows of a cell. */
    private int[] atoms(int row, TimeCell time, int group, boolean[] present) {
        int[] genders = group == 1 ? new int[]{0} : group == 2 ? new int[]{1} : new int[]{0, 1};
        int[] bands = group >= 3 ? new int[]{group - 3} : new int[]{0, 1, 2};
        List<Integer> atoms = new ArrayList<>();
        for (int u : rowUnits.get(row)) {
            for (int m = time.firstMonth(); m <= time.lastMonth(); m++) {
                for (int g : genders) {
                    for (int b : bands) {
                        int atom = atom(u, m, g, b);
                        if (present[atom]) {
                            atoms.add(atom);
                        }
                    }
                }
            }
        }
        return atoms.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] longAtoms(int row, TimeCell time) {
        int[] unitsOfRow = rowUnits.get(row);
        int[] atoms = new int[unitsOfRow.length * (time.lastMonth() - time.firstMonth() + 1)];
        int i = 0;
        for (int u : unitsOfRow) {
            for (int m = time.firstMonth(); m <= time.lastMonth(); m++) {
                atoms[i++] = u * 12 + m - 1;
            }
        }
        return atoms;
    }
}
