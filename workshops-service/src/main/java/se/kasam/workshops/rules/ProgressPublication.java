package se.kasam.workshops.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.kasam.platform.disclosure.Cell;
import se.kasam.platform.disclosure.Microdata;
import se.kasam.platform.disclosure.Pattern;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Protection;
import se.kasam.platform.disclosure.Publication;
import se.kasam.platform.disclosure.Reason;

/**
 * The programme's progress as one protected publication: for everyone, each unit subtree and each unit's own staff,
 * by all, women and men, how many of the staff have done 0, 1, ... of the modules for all. Each count is protected as
 * the share of its group (the engine's rate), one run per count, and a group is shown only where every run shows it:
 * the counts of a group add up to its staff, so showing some of them would tell the rest.
 */
public final class ProgressPublication {
    public static final String EVERYONE = "*";
    public static final List<String> GROUPS = List.of("ALL", "FEMALE", "MALE");
    private static final int NONE = -1;

    /** One person: their unit, legal gender and how many of the modules they have done. */
    public record Person(String unitCode, String legalGender, int modulesDone) {
    }

    /** A group's figures: staff and the count per number of modules done (index = modules done); null where hidden. */
    public record Figures(String row, String group, Integer staff, int[] counts, Reason reason) {
    }

    private ProgressPublication() {
    }

    /**
     * @param parents unit → its parent (null at the top)
     * @param modules how many modules for all there are (counts run 0..modules)
     * @return rows "*", "S:unit" (the subtree) and "O:unit" (its own staff, where it has children), each with GROUPS
     */
    public static Map<String, Map<String, Figures>> protect(Map<String, String> parents, List<Person> people,
                                                            int modules, Policy policy) {
        List<String> units = new ArrayList<>(parents.keySet());
        Map<String, Integer> depth = new HashMap<>();
        units.forEach(u -> depth(u, parents, depth));
        units.sort(Comparator.comparing((String u) -> depth.get(u)).thenComparing(Comparator.naturalOrder()));
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((u, p) -> children.computeIfAbsent(p == null || !parents.containsKey(p) ? EVERYONE : p,
                k -> new ArrayList<>()).add(u));
        // an atom is one unit's own staff of one gender
        Map<String, Integer> unitIndex = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            unitIndex.put(units.get(i), i);
        }
        Map<String, List<Integer>> rowUnits = new LinkedHashMap<>();
        rowUnits.put(EVERYONE, new ArrayList<>(unitIndex.values()));
        for (String u : units) {
            List<Integer> subtree = new ArrayList<>();
            collect(u, children, unitIndex, subtree);
            rowUnits.put("S:" + u, subtree);
            if (children.containsKey(u)) {
                rowUnits.put("O:" + u, List.of(unitIndex.get(u)));
            }
        }
        int atoms = units.size() * 2;
        int[][] count = new int[atoms][modules + 1];
        List<Person> counted = people.stream().filter(p -> unitIndex.containsKey(p.unitCode())).toList();
        for (Person p : counted) {
            count[atom(unitIndex.get(p.unitCode()), p.legalGender())][Math.min(p.modulesDone(), modules)]++;
        }

        Publication.Builder publication = Publication.builder();
        Map<String, Integer> cellOf = new HashMap<>();
        Map<String, int[]> sums = new HashMap<>();
        rowUnits.forEach((row, us) -> {
            for (String group : GROUPS) {
                List<Integer> cellAtoms = new ArrayList<>();
                for (int u : us) {
                    if (!group.equals("MALE")) {
                        cellAtoms.add(atom(u, "FEMALE"));
                    }
                    if (!group.equals("FEMALE")) {
                        cellAtoms.add(atom(u, "MALE"));
                    }
                }
                int[] s = new int[modules + 1];
                cellAtoms.forEach(a -> {
                    for (int k = 0; k <= modules; k++) {
                        s[k] += count[a][k];
                    }
                });
                int heads = java.util.Arrays.stream(s).sum();
                sums.put(row + "|" + group, s);
                // a group of nobody (a unit without men, a unit without staff of its own) tells nothing of anyone:
                // it is shown as nought and left out of the sums, or it would hide its total for nothing
                cellOf.put(row + "|" + group, heads == 0 ? NONE : publication.cell(new Cell(cellAtoms.stream()
                        .mapToInt(Integer::intValue).toArray(), heads, heads)));
            }
        });
        for (String row : rowUnits.keySet()) {
            relate(publication, cellOf.get(row + "|ALL"), List.of(cellOf.get(row + "|FEMALE"), cellOf.get(row + "|MALE")));
        }
        children.forEach((parent, kids) -> {
            for (String group : GROUPS) {
                List<Integer> parts = new ArrayList<>();
                if (!parent.equals(EVERYONE)) {
                    parts.add(cellOf.get("O:" + parent + "|" + group));
                }
                kids.forEach(k -> parts.add(cellOf.get("S:" + k + "|" + group)));
                relate(publication, cellOf.get((parent.equals(EVERYONE) ? EVERYONE : "S:" + parent) + "|" + group), parts);
            }
        });
        Publication built = publication.build();

        Reason[] hidden = new Reason[built.size()];
        for (int k = 0; k <= modules; k++) {
            Microdata.Builder rows = Microdata.builder(atoms);
            int person = 0;
            for (int a = 0; a < atoms; a++) {
                for (int j = 0; j <= modules; j++) {
                    for (int n = 0; n < count[a][j]; n++) {
                        rows.add(person++, a, 1, j == k ? 1 : 0);
                    }
                }
            }
            Pattern pattern = Protection.protect(built, rows.build(), policy);
            for (int c = 0; c < hidden.length; c++) {
                if (hidden[c] == null && pattern.reason(c) != null) {
                    hidden[c] = pattern.reason(c);
                }
            }
        }
        Map<String, Map<String, Figures>> out = new LinkedHashMap<>();
        for (String row : rowUnits.keySet()) {
            Map<String, Figures> groups = new LinkedHashMap<>();
            for (String group : GROUPS) {
                int cell = cellOf.get(row + "|" + group);
                int[] s = sums.get(row + "|" + group);
                groups.put(group, cell == NONE || hidden[cell] == null
                        ? new Figures(row, group, java.util.Arrays.stream(s).sum(), s, null)
                        : new Figures(row, group, null, null, hidden[cell]));
            }
            out.put(row, groups);
        }
        return out;
    }

    private static void relate(Publication.Builder publication, int total, List<Integer> parts) {
        int[] present = parts.stream().filter(p -> p != NONE).mapToInt(Integer::intValue).toArray();
        if (total != NONE && present.length > 0) {
            publication.relation(total, present);
        }
    }

    private static int atom(int unit, String legalGender) {
        return unit * 2 + (legalGender.equals("FEMALE") ? 0 : 1);
    }

    private static int depth(String unit, Map<String, String> parents, Map<String, Integer> depth) {
        Integer known = depth.get(unit);
        if (known != null) {
            return known;
        }
        depth.put(unit, 0); // a cycle in the data ends here
        String parent = parents.get(unit);
        int d = parent == null || !parents.containsKey(parent) ? 0 : depth(parent, parents, depth) + 1;
        depth.put(unit, d);
        return d;
    }

    private static void collect(String unit, Map<String, List<String>> children, Map<String, Integer> index,
                                List<Integer> into) {
        if (into.contains(index.get(unit))) {
            return;
        }
        into.add(index.get(unit));
        children.getOrDefault(unit, List.of()).forEach(c -> collect(c, children, index, into));
    }
}
