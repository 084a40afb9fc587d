package se.kasam.survey.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/**
 * Every figure of one instrument in one closed round that a report can show, protected as one publication. Cells:
 * rows (everyone "*", each unit's subtree "S:code", and for a unit with units below it its own staff "O:code") ×
 * groups (everyone, each legal gender, each age band). Atoms: the round's stored demographic tuples. Each measure
 * (total, subscales, items) is protected over all cells with its own respondents (those with a valid value) and its
 * mean as the figure an attacker is after; a cell is then shown only where every measure's pattern shows it, so all
 * the instrument's figures are shown or hidden together and none can be recovered from another measure's.
 */
public final class RoundPublication {
    public static final String EVERYONE = Demography.EVERYONE;
    public static final List<String> GROUPS = List.of("ALL", "FEMALE", "MALE", "UP_TO_29", "FROM_30_TO_49", "FROM_50");

    /** What a measure is: its key, its range, and for an item the answers it counts. */
    public record Measure(String key, double min, double max, boolean item) {
    }

    /** One response: its stored tuple's index and its value on each measure (null: none, or not valid). */
    public record Respondent(int atom, Double[] values) {
    }

    /** A cell as published: shown (reason null) with its figures, or hidden with its reason and nothing else. */
    public record PublishedCell(String row, String group, Reason reason, long respondents, Map<String, Summary.Figures> figures) {
    }

    private final List<String> rows = new ArrayList<>();
    private final List<boolean[]> rowAtoms = new ArrayList<>();
    private final List<Demography> atoms;
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Integer> rowIndex = new HashMap<>();

    private RoundPublication(Map<String, String> parents, List<Demography> atoms) {
        this.atoms = atoms;
        parents.forEach((u, p) -> children.computeIfAbsent(p == null ? EVERYONE : p, k -> new ArrayList<>()).add(u));
        children.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        Map<String, Integer> depth = new HashMap<>();
        parents.keySet().forEach(u -> depth(u, parents, depth));
        List<String> ordered = parents.keySet().stream()
                .sorted(Comparator.comparing((String u) -> depth.get(u)).thenComparing(u -> u)).toList();
        addRow(EVERYONE, a -> true);
        for (String unit : ordered) {
            addRow("S:" + unit, a -> !a.unit().equals(EVERYONE) && within(a.unit(), unit, parents));
            if (children.containsKey(unit)) {
                addRow("O:" + unit, a -> a.unit().equals(unit));
            }
        }
    }

    private void addRow(String key, java.util.function.Predicate<Demography> member) {
        boolean[] in = new boolean[atoms.size()];
        for (int a = 0; a < atoms.size(); a++) {
            in[a] = member.test(atoms.get(a));
        }
        rowIndex.put(key, rows.size());
        rows.add(key);
        rowAtoms.add(in);
    }

    /** Whether a stored tuple counts in a cell (row and group) of a round with these units. */
    public static boolean contains(String row, String group, Demography atom, Map<String, String> parents) {
        boolean inRow = row.equals(EVERYONE) || (row.startsWith("O:") ? atom.unit().equals(row.substring(2))
                : !atom.unit().equals(EVERYONE) && within(atom.unit(), row.substring(2), parents));
        return inRow && inGroup(atom, GROUPS.indexOf(group));
    }

    private static boolean within(String unit, String ancestor, Map<String, String> parents) {
        int guard = 0;
        for (String u = unit; u != null && guard++ < 10_000; u = parents.get(u)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static int depth(String unit, Map<String, String> parents, Map<String, Integer> depth) {
        Integer known = depth.get(unit);
        if (known != null) {
            return known;
        }
        depth.put(unit, 0); // a cycle in the data ends here rather than recursing forever
        String parent = parents.get(unit);
        int d = parent == null || !parents.containsKey(parent) ? 0 : depth(parent, parents, depth) + 1;
        depth.put(unit, d);
        return d;
    }

    private static boolean inGroup(Demography a, int group) {
        if (group == 0) {
            return true;
        }
        return GROUPS.get(group).equals(group <= 2 ? a.gender() : a.band());
    }

    /**
     * @param parents     the round's units and their parents (null at the top)
     * @param atoms       the stored demographic tuples
     * @param measures    the instrument's measures
     * @param respondents one per response that answered the instrument
     * @param policy      the survey's: threshold one below the least number of respondents shown
     * @param distributionMin the least respondents for an item's distribution to be shown beside its mean
     */
    public static List<PublishedCell> protect(Map<String, String> parents, List<Demography> atoms, List<Measure> measures,
                                              List<Respondent> respondents, Policy policy, int distributionMin) {
        return new RoundPublication(parents, atoms).protect(measures, respondents, policy, distributionMin);
    }

    private List<PublishedCell> protect(List<Measure> measures, List<Respondent> respondents, Policy policy, int distributionMin) {
        int groups = GROUPS.size();
        int cells = rows.size() * groups;
        // cell c = row * groups + group, in the order of priority: each row from the top down with everyone, women and
        // men (the programme's headline is women against men, over the whole municipality first), then the ages
        int[] order = new int[cells];
        int k = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int g = 0; g < 3; g++) {
                order[k++] = r * groups + g;
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int g = 3; g < groups; g++) {
                order[k++] = r * groups + g;
            }
        }
        int[][] cellAtoms = new int[cells][];
        for (int r = 0; r < rows.size(); r++) {
            for (int g = 0; g < groups; g++) {
                List<Integer> in = new ArrayList<>();
                for (int a = 0; a < atoms.size(); a++) {
                    if (rowAtoms.get(r)[a] && inGroup(atoms.get(a), g)) {
                        in.add(a);
                    }
                }
                cellAtoms[r * groups + g] = in.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        Coordinates coordinates = new Coordinates();
        Form[] forms = new Form[cells];
        for (int r = 0; r < rows.size(); r++) {
            for (int g = 0; g < groups; g++) {
                forms[r * groups + g] = coordinates.cell(rows.get(r), g);
            }
        }
        Summary[][] atomSummaries = new Summary[measures.size()][atoms.size()];
        long[] respondentsPerAtom = new long[atoms.size()];
        respondents.forEach(p -> respondentsPerAtom[p.atom()]++);
        Reason[] reason = new Reason[cells];
        for (int m = 0; m < measures.size(); m++) {
            Measure measure = measures.get(m);
            int options = measure.item() ? (int) (measure.max() - measure.min()) + 1 : 0;
            long[] perAtom = new long[atoms.size()];
            long[] contributingPerAtom = new long[atoms.size()];
            Microdata.Builder rows = Microdata.builder(atoms.size());
            for (int a = 0; a < atoms.size(); a++) {
                atomSummaries[m][a] = new Summary((int) measure.min(), options);
            }
            for (int p = 0; p < respondents.size(); p++) {
                Respondent respondent = respondents.get(p);
                Double v = respondent.values()[m];
                if (v != null) {
                    double share = Math.max(0, Math.min(1, (v - measure.min()) / (measure.max() - measure.min())));
                    rows.add(p, respondent.atom(), 1, share);
                    atomSummaries[m][respondent.atom()].add(v);
                    perAtom[respondent.atom()]++;
                    contributingPerAtom[respondent.atom()] += share > 0 ? 1 : 0;
                }
            }
            Publication.Builder publication = Publication.builder();
            int[] indexOf = new int[cells];
            for (int i = 0; i < cells; i++) {
                int c = order[i];
                long heads = 0;
                long contributors = 0;
                for (int a : cellAtoms[c]) {
                    heads += perAtom[a];
                    contributors += contributingPerAtom[a];
                }
                indexOf[c] = publication.cell(new Cell(cellAtoms[c], (int) heads, (int) contributors), forms[c]);
            }
            relate(publication, indexOf, groups);
            publication.atomForms(coordinates::atom);
            Pattern pattern = Protection.protect(publication.build(), rows.build(), policy);
            for (int c = 0; c < cells; c++) {
                Reason r = pattern.reason(indexOf[c]);
                if (r != null && (reason[c] == null || r == Reason.GROUP_TOO_SMALL)) {
                    reason[c] = r;
                }
            }
        }
        List<PublishedCell> published = new ArrayList<>(cells);
        for (int r = 0; r < this.rows.size(); r++) {
            for (int g = 0; g < groups; g++) {
                int c = r * groups + g;
                if (reason[c] != null) {
                    published.add(new PublishedCell(this.rows.get(r), GROUPS.get(g), reason[c], 0, Map.of()));
                    continue;
                }
                Map<String, Summary.Figures> figures = new LinkedHashMap<>();
                long respondentsInCell = 0;
                for (int a : cellAtoms[c]) {
                    respondentsInCell += respondentsPerAtom[a];
                }
                for (int m = 0; m < measures.size(); m++) {
                    Measure measure = measures.get(m);
                    Summary sum = new Summary((int) measure.min(), measure.item() ? (int) (measure.max() - measure.min()) + 1 : 0);
                    for (int a : cellAtoms[c]) {
                        sum.add(atomSummaries[m][a]);
                    }
                    Summary.Figures f = sum.figures();
                    if (f.distribution() != null && f.n() < distributionMin) {
                        f = new Summary.Figures(f.n(), f.mean(), f.sd(), f.ciLow(), f.ciHigh(), null);
                    }
                    figures.put(measure.key(), f);
                }
                published.add(new PublishedCell(this.rows.get(r), GROUPS.get(g), null, respondentsInCell, figures));
            }
        }
        return published;
    }

    /**
     * The cells' forms over subtree coordinates, as sick leave's publication has them, kept an invertible image of the
     * tuples: one coordinate per stored tuple, the sum of its signature (gender or none × age band or none) over the
     * subtree of its unit. A subtree of a unit that has no tuple of a signature is the sum of its children's, and so
     * on down, so no coordinate stands for a tuple that does not exist (an attacker who knows the organisation knows
     * which tuples exist; a free coordinate there would be slack the engine counts on and the attacker has not).
     * Tuples stored for the whole round, above its top units, have coordinates of their own.
     */
    private final class Coordinates {
        private static final List<String> GENDERS = List.of("FEMALE", "MALE");
        private static final List<String> BANDS = List.of("UP_TO_29", "FROM_30_TO_49", "FROM_50");
        private static final int SIGNATURES = 12;
        private final Map<String, Integer> coordinate = new HashMap<>(); // unit + signature of an existing tuple

        Coordinates() {
            for (Demography a : atoms) {
                coordinate.putIfAbsent(key(a.unit(), signature(a)), coordinate.size());
            }
        }

        private static String key(String unit, int signature) {
            return unit + "\u0000" + signature;
        }

        private static int signature(Demography a) {
            int g = a.gender() == null ? 2 : GENDERS.indexOf(a.gender());
            int b = a.band() == null ? 3 : BANDS.indexOf(a.band());
            return g * 4 + b;
        }

        private static boolean inGroup(int signature, int group) {
            int g = signature / 4;
            int b = signature % 4;
            return group == 0 || (group <= 2 ? g == group - 1 : b == group - 3);
        }

        Form cell(String row, int group) {
            java.util.TreeMap<Integer, Long> terms = new java.util.TreeMap<>();
            for (int sig = 0; sig < SIGNATURES; sig++) {
                if (!inGroup(sig, group)) {
                    continue;
                }
                if (row.equals(EVERYONE)) {
                    for (String top : children.getOrDefault(EVERYONE, List.of())) {
                        subtree(terms, top, sig, 1);
                    }
                    own(terms, EVERYONE, sig, 1);
                } else {
                    String unit = row.substring(2);
                    if (row.startsWith("O:")) {
                        own(terms, unit, sig, 1);
                    } else {
                        subtree(terms, unit, sig, 1);
                    }
                }
            }
            return form(terms);
        }

        Form atom(int a) {
            Demography d = atoms.get(a);
            java.util.TreeMap<Integer, Long> terms = new java.util.TreeMap<>();
            own(terms, d.unit(), signature(d), 1);
            return form(terms);
        }

        /** A unit's own tuple of a signature: its subtree less its children's. */
        private void own(java.util.TreeMap<Integer, Long> terms, String unit, int sig, long coefficient) {
            Integer k = coordinate.get(key(unit, sig));
            if (k != null) {
                terms.merge(k, coefficient, Long::sum);
                if (!unit.equals(EVERYONE)) {
                    for (String child : children.getOrDefault(unit, List.of())) {
                        subtree(terms, child, sig, -coefficient);
                    }
                }
            }
        }

        /** A subtree's sum of a signature: the unit's coordinate, or (no tuple there) its children's subtrees. */
        private void subtree(java.util.TreeMap<Integer, Long> terms, String unit, int sig, long coefficient) {
            Integer k = coordinate.get(key(unit, sig));
            if (k != null) {
                terms.merge(k, coefficient, Long::sum);
                return;
            }
            for (String child : children.getOrDefault(unit, List.of())) {
                subtree(terms, child, sig, coefficient);
            }
        }

        private static Form form(java.util.TreeMap<Integer, Long> terms) {
            terms.values().removeIf(v -> v == 0);
            return new Form(terms.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    terms.values().stream().mapToLong(Long::longValue).toArray());
        }
    }

    /**
     * The sums between cells: a subtree is its own staff and its child units' subtrees, everyone the top units (where
     * no tuple was generalised above them); everyone of a row is its women and men (where every tuple keeps its
     * gender), and its three age bands (where every tuple keeps its age).
     */
    private void relate(Publication.Builder publication, int[] indexOf, int groups) {
        for (int g = 0; g < groups; g++) {
            final int group = g;
            for (Map.Entry<String, List<String>> e : children.entrySet()) {
                String parent = e.getKey();
                List<Integer> parts = new ArrayList<>();
                for (String child : e.getValue()) {
                    parts.add(indexOf[rowIndex.get("S:" + child) * groups + group]);
                }
                int total;
                if (parent.equals(EVERYONE)) {
                    if (atoms.stream().anyMatch(a -> a.unit().equals(EVERYONE))) {
                        continue;
                    }
                    total = indexOf[rowIndex.get(EVERYONE) * groups + group];
                } else {
                    total = indexOf[rowIndex.get("S:" + parent) * groups + group];
                    parts.add(0, indexOf[rowIndex.get("O:" + parent) * groups + group]);
                }
                publication.relation(total, parts.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            boolean[] in = rowAtoms.get(r);
            boolean genders = true;
            boolean bands = true;
            for (int a = 0; a < atoms.size(); a++) {
                if (in[a]) {
                    genders &= atoms.get(a).gender() != null;
                    bands &= atoms.get(a).band() != null;
                }
            }
            int base = r * groups;
            if (genders) {
                publication.relation(indexOf[base], indexOf[base + 1], indexOf[base + 2]);
            }
            if (bands) {
                publication.relation(indexOf[base], indexOf[base + 3], indexOf[base + 4], indexOf[base + 5]);
            }
        }
    }
}
