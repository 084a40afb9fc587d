package se.kasam.survey.rules;

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
 * How many have answered an open round, per unit row (everyone, each subtree, each unit's own staff), protected like
 * results: no count of fewer than the threshold's respondents is shown, nor follows from those shown, nor is any
 * hidden group's response rate narrowed below the protection interval. The invited counts (the population) are
 * public, as the engine assumes a cell's weight is.
 */
public final class ResponseCounts {
    private ResponseCounts() {
    }

    /** A row's counts; answered null where it is hidden. */
    public record Row(String row, long invited, Long answered, Reason reason) {
    }

    /**
     * @param parents the round's units and their parents
     * @param counts  per unit of the round: invited and answered, as {invited, answered}
     * @param policy  the survey's, with at least the threshold's number of contributors (respondents) per group
     */
    public static Map<String, Row> protect(Map<String, String> parents, Map<String, long[]> counts, Policy policy) {
        // rows from the top down: what matters most is shown first
        Map<String, Integer> depth = new HashMap<>();
        parents.keySet().forEach(u -> depth(u, parents, depth));
        List<String> units = new ArrayList<>(parents.keySet());
        units.sort(Comparator.comparing((String u) -> depth.get(u)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> atom = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            atom.put(units.get(i), i);
        }
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((u, p) -> children.computeIfAbsent(p == null ? Demography.EVERYONE : p, k -> new ArrayList<>()).add(u));
        Map<String, List<Integer>> rowAtoms = new LinkedHashMap<>();
        rowAtoms.put(Demography.EVERYONE, new ArrayList<>(atom.values()));
        for (String u : units) {
            List<Integer> subtree = new ArrayList<>();
            collect(u, children, atom, subtree);
            rowAtoms.put("S:" + u, subtree);
            if (children.containsKey(u)) {
                rowAtoms.put("O:" + u, List.of(atom.get(u)));
            }
        }
        Microdata.Builder rows = Microdata.builder(units.size());
        int person = 0;
        long[] answeredIn = new long[units.size()];
        long[] invitedIn = new long[units.size()];
        for (String u : units) {
            long[] c = counts.getOrDefault(u, new long[2]);
            invitedIn[atom.get(u)] = c[0];
            answeredIn[atom.get(u)] = c[1];
            for (long i = 0; i < c[0]; i++) { // each invitee, with 1 if they have answered: the rate is the figure
                rows.add(person++, atom.get(u), 1, i < c[1] ? 1 : 0);
            }
        }
        Publication.Builder publication = Publication.builder();
        Map<String, Integer> index = new HashMap<>();
        Map<String, long[]> sums = new HashMap<>();
        rowAtoms.forEach((row, atoms) -> {
            long invited = 0;
            long answered = 0;
            for (int a : atoms) {
                invited += invitedIn[a];
                answered += answeredIn[a];
            }
            sums.put(row, new long[]{invited, answered});
            index.put(row, publication.cell(new Cell(atoms.stream().mapToInt(Integer::intValue).toArray(), (int) answered, (int) answered)));
        });
        children.forEach((parent, kids) -> {
            List<Integer> parts = new ArrayList<>();
            if (!parent.equals(Demography.EVERYONE)) {
                parts.add(index.get("O:" + parent));
            }
            kids.forEach(k -> parts.add(index.get("S:" + k)));
            publication.relation(index.get(parent.equals(Demography.EVERYONE) ? parent : "S:" + parent),
                    parts.stream().mapToInt(Integer::intValue).toArray());
        });
        Pattern pattern = Protection.protect(publication.build(), rows.build(), policy);
        Map<String, Row> out = new LinkedHashMap<>();
        rowAtoms.keySet().forEach(row -> {
            Reason reason = pattern.reason(index.get(row));
            long[] s = sums.get(row);
            out.put(row, new Row(row, s[0], reason == null ? s[1] : null, reason));
        });
        return out;
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

    private static void collect(String unit, Map<String, List<String>> children, Map<String, Integer> atom, List<Integer> into) {
        if (into.contains(atom.get(unit))) {
            return;
        }
        into.add(atom.get(unit));
        children.getOrDefault(unit, List.of()).forEach(c -> collect(c, children, atom, into));
    }
}
