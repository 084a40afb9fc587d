package se.kasam.sickleave.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.kasam.platform.disclosure.Cell;
import se.kasam.platform.disclosure.Form;
import se.kasam.platform.disclosure.Microdata;
import se.kasam.platform.disclosure.Pattern;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Protection;
import se.kasam.platform.disclosure.Publication;
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
    private final int[] parentOf;
    private final int[] subtreeRow;
    private final int[] ownRow;
    private final int[][] childrenOf;
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
        Map<String, Integer> rowIndex = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            rowIndex.put(rows.get(r), r);
        }
        parentOf = new int[units];
        subtreeRow = new int[units];
        ownRow = new int[units];
        for (int i = 0; i < units; i++) {
            String parent = tree.get(ordered.get(i));
            parentOf[i] = parent == null ? -1 : unitIndex.get(parent);
            subtreeRow[i] = rowIndex.get("S:" + ordered.get(i));
            ownRow[i] = rowIndex.getOrDefault("O:" + ordered.get(i), -1);
        }
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            kids.add(new ArrayList<>());
        }
        for (int i = 0; i < units; i++) {
            if (parentOf[i] >= 0) {
                kids.get(parentOf[i]).add(i);
            }
        }
        childrenOf = kids.stream().map(YearPublication::ints).toArray(int[][]::new);
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
        // which subtrees have anyone in a month, gender and band: the other coordinates are known to be nothing
        boolean[] inSubtree = present.clone();
        for (int u = units - 1; u >= 0; u--) { // children come after their parents
            if (parentOf[u] >= 0) {
                for (int k = 0; k < 72; k++) {
                    inSubtree[parentOf[u] * 72 + k] |= inSubtree[u * 72 + k];
                }
            }
        }
        // sick hours: every cell, the year first, then months, then quarters; everyone, then women and men, then ages;
        // units from the top, everyone last: with one root unit they are the same cells; with several roots (a
        // shared test database) everyone would otherwise tie each organisation's pattern to the others'
        Publication.Builder sickCells = Publication.builder();
        int[] order = new int[cells];
        int[] indexOf = new int[cells];
        int k = 0;
        for (int t = 0; t < times; t++) {
            for (int g = 0; g < GROUPS.length; g++) {
                for (int i = 1; i <= rows.size(); i++) {
                    int r = i % rows.size();
                    int c = cell(r, t, g);
                    order[k] = c;
                    indexOf[c] = k++;
                    sickCells.cell(new Cell(atoms(r, TimeCell.ALL.get(t), g, present), heads[c], contributors[c]),
                            form(r, TimeCell.ALL.get(t), g, inSubtree, 6));
                }
            }
        }
        relate(sickCells, indexOf, GROUPS.length);
        sickCells.atomForms(atom -> atomForm(atom / 72, atom % 72, inSubtree, 72));
        Pattern sickPattern = Protection.protect(sickCells.build(), sickRows.build(), policy);
        Reason[] reason = new Reason[cells];
        for (int i = 0; i < cells; i++) {
            reason[order[i]] = sickPattern.reason(i);
        }
        // long-term hours: the totals, withheld where the total is hidden; atoms and coordinates a unit's month
        boolean[] longInSubtree = new boolean[units * 12];
        for (int a = 0; a < present.length; a++) {
            longInSubtree[a / 6] |= inSubtree[a];
        }
        Publication.Builder longCells = Publication.builder();
        int[] longOrder = new int[rows.size() * times];
        int[] longIndexOf = new int[cells];
        k = 0;
        for (int t = 0; t < times; t++) {
            for (int i = 1; i <= rows.size(); i++) {
                int r = i % rows.size();
                int c = cell(r, t, 0);
                longOrder[k] = c;
                longIndexOf[c] = k;
                longCells.cell(new Cell(longAtoms(r, TimeCell.ALL.get(t)), heads[c], longContributors[c]),
                        form(r, TimeCell.ALL.get(t), 0, longInSubtree, 1));
                if (reason[c] != null) {
                    longCells.withhold(k);
                }
                k++;
            }
        }
        relate(longCells, longIndexOf, 1);
        longCells.atomForms(atom -> atomForm(atom / 12, atom % 12, longInSubtree, 12));
        Pattern longPattern = Protection.protect(longCells.build(), longRows.build(), policy);
        Reason[] longReason = new Reason[cells];
        for (int i = 0; i < longOrder.length; i++) {
            longReason[longOrder[i]] = longPattern.reason(i);
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

    /**
     * A cell's form over subtree coordinates (a subtree's month × gender × band, or month alone for the long-term
     * hours): a subtree is its own coordinates, a unit's own staff its subtree less its children's, everyone the
     * roots'. Coordinates no one is in are left out.
     *
     * @param perMonth 6 coordinates per month (gender × band), or 1
     */
    private Form form(int row, TimeCell time, int group, boolean[] inSubtree, int perMonth) {
        List<long[]> terms = new ArrayList<>();
        int[] genders = group == 1 ? new int[]{0} : group == 2 ? new int[]{1} : new int[]{0, 1};
        int[] bands = group >= 3 ? new int[]{group - 3} : new int[]{0, 1, 2};
        List<Integer> plus = new ArrayList<>();
        List<Integer> minus = new ArrayList<>();
        if (row == 0) {
            for (int u = 0; u < units; u++) {
                if (parentOf[u] < 0) {
                    plus.add(u);
                }
            }
        } else {
            int u = rowUnits.get(row)[0];
            plus.add(u);
            if (rows.get(row).startsWith("O:")) {
                for (int c : childrenOf[u]) {
                    minus.add(c);
                }
            }
        }
        int span = perMonth * 12;
        for (int m = time.firstMonth(); m <= time.lastMonth(); m++) {
            for (int g : perMonth == 1 ? new int[]{0} : genders) {
                for (int b : perMonth == 1 ? new int[]{0} : bands) {
                    int offset = (m - 1) * perMonth + (perMonth == 1 ? 0 : g * 3 + b);
                    for (int u : plus) {
                        if (inSubtree[u * span + offset]) {
                            terms.add(new long[]{u * span + offset, 1});
                        }
                    }
                    for (int u : minus) {
                        if (inSubtree[u * span + offset]) {
                            terms.add(new long[]{u * span + offset, -1});
                        }
                    }
                }
            }
        }
        terms.sort(Comparator.comparingLong(t -> t[0]));
        return new Form(terms.stream().mapToInt(t -> (int) t[0]).toArray(), terms.stream().mapToLong(t -> t[1]).toArray());
    }

    /** An atom (a unit's own staff in one coordinate) as a form: the unit's subtree coordinate less its children's. */
    private Form atomForm(int unit, int offset, boolean[] inSubtree, int span) {
        List<long[]> terms = new ArrayList<>();
        terms.add(new long[]{unit * span + offset, 1});
        for (int c : childrenOf[unit]) {
            if (inSubtree[c * span + offset]) {
                terms.add(new long[]{c * span + offset, -1});
            }
        }
        terms.sort(Comparator.comparingLong(t -> t[0]));
        return new Form(terms.stream().mapToInt(t -> (int) t[0]).toArray(), terms.stream().mapToLong(t -> t[1]).toArray());
    }

    /**
     * The relations between the cells: a subtree is its own staff and its children's subtrees, everyone the roots; a
     * year its quarters, a quarter its months; everyone women and men, and the three age bands.
     */
    private void relate(Publication.Builder publication, int[] indexOf, int groups) {
        int times = TimeCell.ALL.size();
        for (int t = 0; t < times; t++) {
            for (int g = 0; g < groups; g++) {
                List<Integer> roots = new ArrayList<>();
                for (int u = 0; u < units; u++) {
                    if (parentOf[u] < 0) {
                        roots.add(indexOf[cell(subtreeRow[u], t, g)]);
                    }
                    if (ownRow[u] >= 0) {
                        List<Integer> parts = new ArrayList<>(List.of(indexOf[cell(ownRow[u], t, g)]));
                        for (int c : childrenOf[u]) {
                            parts.add(indexOf[cell(subtreeRow[c], t, g)]);
                        }
                        publication.relation(indexOf[cell(subtreeRow[u], t, g)], ints(parts));
                    }
                }
                publication.relation(indexOf[cell(0, t, g)], ints(roots));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int g = 0; g < groups; g++) {
                int[] quarters = new int[4];
                for (int q = 1; q <= 4; q++) {
                    int quarter = indexOf[cell(r, 12 + q, g)];
                    quarters[q - 1] = quarter;
                    publication.relation(quarter, indexOf[cell(r, 3 * q - 2, g)], indexOf[cell(r, 3 * q - 1, g)],
                            indexOf[cell(r, 3 * q, g)]);
                }
                publication.relation(indexOf[cell(r, 0, g)], quarters);
            }
            if (groups > 1) {
                for (int t = 0; t < times; t++) {
                    publication.relation(indexOf[cell(r, t, 0)], indexOf[cell(r, t, 1)], indexOf[cell(r, t, 2)]);
                    publication.relation(indexOf[cell(r, t, 0)], indexOf[cell(r, t, 3)], indexOf[cell(r, t, 4)],
                            indexOf[cell(r, t, 5)]);
                }
            }
        }
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
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
