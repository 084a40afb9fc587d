package se.kasam.sickleave.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.kasam.sickleave.rules.Suppression.Cell;
import se.kasam.sickleave.rules.Suppression.Reason;
import se.kasam.sickleave.rules.Suppression.Relation;

/**
 * The disclosure rule on hand-made and random tables, each result checked by an attacker who knows the shown
 * values, the relations, that hours are never negative and which groups are empty, and tries to recover every
 * hidden value three ways: one relation at a time, by solving all of them at once, and by linear programming for
 * the zeros that non-negativity gives away. The attacker computes in floating point, independently of the rule.
 */
class SuppressionTest {
    static final Suppression RULE = new Suppression();
    static final Reason SMALL = Reason.GROUP_TOO_SMALL;
    static final Reason SINGLE = Reason.SINGLE_PERSON;
    static final Reason COMPLEMENTARY = Reason.COMPLEMENTARY;
    /** Below this a coefficient of the attacker's floating-point elimination counts as 0. */
    static final double EPS = 1e-9;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    // ---- the threshold

    @Test
    void byDefaultTenEmployeesAreHiddenAndElevenShown() {
        List<Cell> cells = List.of(new Cell("ten", 10, 3), new Cell("eleven", 11, 3));
        assertEquals(Map.of("ten", SMALL), RULE.apply(cells, List.of()));
        assertEquals(Map.of("ten", SMALL), new Suppression(Suppression.DEFAULT_THRESHOLD).apply(cells, List.of()));
    }

    @Test
    void theThresholdIsConfigurable() {
        List<Cell> cells = List.of(new Cell("three", 3, 2), new Cell("four", 4, 2), new Cell("eleven", 11, 2));
        assertEquals(Map.of("three", SMALL), new Suppression(3).apply(cells, List.of()));
        assertEquals(Map.of("three", SMALL, "four", SMALL), new Suppression(4).apply(cells, List.of()));
        assertEquals(Map.of("three", SMALL, "four", SMALL, "eleven", SMALL),
                new Suppression(11).apply(cells, List.of()));
        assertEquals(Map.of("one", SMALL),
                new Suppression(1).apply(List.of(new Cell("one", 1, 0), new Cell("two", 2, 2)), List.of()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aThresholdBelowOneIsRejected(int threshold) {
        assertThrows(IllegalArgumentException.class, () -> new Suppression(threshold));
    }

    // ---- primary suppression

    @Test
    void aFigureFromASinglePersonIsHiddenOneFromNobodyOrTwoIsShown() {
        List<Cell> cells = List.of(new Cell("one", 40, 1), new Cell("nobody", 40, 0), new Cell("two", 40, 2),
                new Cell("small-and-one", 5, 1));
        assertEquals(Map.of("one", SINGLE, "small-and-one", SMALL), RULE.apply(cells, List.of()));
    }

    // ---- complementary suppression, by hand

    @Test
    void fewMenHideTheWomenTooElseAllLessWomenGivesThemAway() {
        Table table = new Table()
                .cell("all", 308, 40, 5000).cell("women", 300, 38, 4800).cell("men", 8, 2, 200)
                .relation("all", "women", "men");
        assertLeaks(table, Set.of("men"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("men", SMALL, "women", COMPLEMENTARY), hidden);
        assertSafe(table, hidden);
    }

    @Test
    void oneSmallAgeBandHidesTheSmallestOtherBand() {
        Table table = new Table()
                .cell("all", 100, 20, 3000).cell("-29", 8, 2, 100).cell("30-49", 50, 10, 1500).cell("50-", 42, 8, 1400)
                .relation("all", "-29", "30-49", "50-");
        assertLeaks(table, Set.of("-29"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("-29", SMALL, "50-", COMPLEMENTARY), hidden);
        assertSafe(table, hidden);
    }

    /** A unit without men: its women and all are one group, so once its women are hidden only its total is left. */
    @Test
    void whenOnlyTheTotalIsLeftTheTotalIsHidden() {
        Table table = new Table()
                .cell("U/own|all", 48, 9, 700).cell("U/own|women", 8, 3, 150).cell("U/own|men", 40, 6, 550)
                .cell("A|all", 30, 6, 500).cell("A|women", 30, 6, 500).cell("A|men", 0, 0, 0)
                .cell("U|all", 78, 15, 1200).cell("U|women", 38, 9, 650).cell("U|men", 40, 6, 550)
                .rowsAndColumns(List.of("U/own", "A", "U"), "U", List.of("all", "women", "men"));
        assertLeaks(table, Set.of("U/own|women", "A|men"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("U/own|women", SMALL, "A|men", SMALL, "A|women", COMPLEMENTARY,
                "A|all", COMPLEMENTARY, "U/own|all", COMPLEMENTARY), hidden);
        assertSafe(table, hidden);
    }

    /** Units as rows (the unit's own staff, two child units, the whole subtree), all/women/men as columns. */
    @Test
    void oneSmallCellOfATwoWayTableHidesARectangle() {
        Table table = new Table()
                .cell("U/own|all", 50, 7, 210).cell("U/own|women", 30, 4, 120).cell("U/own|men", 20, 3, 90)
                .cell("A|all", 45, 7, 230).cell("A|women", 40, 5, 200).cell("A|men", 5, 2, 30)
                .cell("B|all", 90, 10, 400).cell("B|women", 60, 6, 300).cell("B|men", 30, 4, 100)
                .cell("U|all", 185, 24, 840).cell("U|women", 130, 15, 620).cell("U|men", 55, 9, 220)
                .rowsAndColumns(List.of("U/own", "A", "B", "U"), "U", List.of("all", "women", "men"));
        assertLeaks(table, Set.of("A|men"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("A|men", SMALL, "A|women", COMPLEMENTARY, "U/own|men", COMPLEMENTARY,
                "U/own|women", COMPLEMENTARY), hidden);
        assertSafe(table, hidden);
    }

    /** No sick hours at all: a shown 0 would tell that every part is 0. */
    @Test
    void aZeroTotalOverHiddenPartsIsHidden() {
        Table table = new Table()
                .cell("all", 12, 0, 0).cell("women", 9, 0, 0).cell("men", 3, 0, 0)
                .relation("all", "women", "men");
        assertLeaks(table, Set.of("women", "men"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("all", COMPLEMENTARY, "women", SMALL, "men", SMALL), hidden);
        assertSafe(table, hidden);
    }

    /**
     * Two bands without sick hours: hiding the 30–49 band along with the small one would leave all − 50– = 0 as
     * their sum, so each would be seen to be 0. A band with sick hours is hidden instead.
     */
    @Test
    void aZeroPartIsHiddenAlongWithANonZeroOne() {
        Table table = new Table()
                .cell("all", 105, 4, 800).cell("-29", 5, 0, 0).cell("30-49", 40, 0, 0).cell("50-", 60, 4, 800)
                .relation("all", "-29", "30-49", "50-");
        assertLeaks(table, Set.of("-29"));
        assertLeaks(table, Set.of("-29", "30-49"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("-29", SMALL, "50-", COMPLEMENTARY), hidden);
        assertSafe(table, hidden);
    }

    /**
     * T = A + B, T = P + Q and B = Q + S give A + S = P. With P shown and 0, A and S are 0, though no single
     * relation tells: P is hidden too.
     */
    @Test
    void aZeroThatOnlyACombinationOfRelationsGivesAwayIsProtected() {
        Table table = new Table()
                .cell("T", 45, 1, 100).cell("A", 5, 0, 0).cell("B", 40, 1, 100)
                .cell("P", 25, 0, 0).cell("Q", 20, 1, 100).cell("S", 20, 0, 0)
                .relation("T", "A", "B").relation("T", "P", "Q").relation("B", "Q", "S");
        assertLeaks(table, Set.of("T", "A", "B", "Q"));
        assertLeaks(table, Set.of("T", "A", "B", "Q", "S"));
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("A", SMALL, "T", SINGLE, "B", SINGLE, "Q", SINGLE, "P", COMPLEMENTARY), hidden);
        assertSafe(table, hidden);
    }

    @Test
    void anEmptyGroupIsHiddenButProtectsNothing() {
        Table table = new Table()
                .cell("all", 40, 5, 600).cell("women", 40, 5, 600).cell("men", 0, 0, 0)
                .relation("all", "women", "men");
        Map<String, Reason> hidden = table.suppress(RULE);
        assertEquals(Map.of("men", SMALL), hidden);
        assertSafe(table, hidden);
    }

    // ---- the exact check

    @Test
    void aHiddenCellIsDeterminedWhenTheRestOfARelationIsKnown() {
        List<Relation> relations = List.of(Relation.of("T", "A", "B"));
        assertEquals(Set.of("A"), Suppression.determined(Set.of("A"), Set.of(), relations));
        assertEquals(Set.of("T"), Suppression.determined(Set.of("T"), Set.of(), relations));
        assertEquals(Set.of(), Suppression.determined(Set.of("A", "B"), Set.of(), relations));
        assertEquals(Set.of(), Suppression.determined(Set.of("T", "A", "B"), Set.of(), relations));
        assertEquals(Set.of(), Suppression.determined(Set.of("X"), Set.of(), relations), "in no relation");
    }

    /** T = A + B, T = P + Q and B = Q + S, with P and S shown: A = T − B = (P + Q) − (Q + S) = P − S. */
    @Test
    void aHiddenCellCanBeDeterminedOnlyByCombiningRelations() {
        List<Relation> relations = List.of(Relation.of("T", "A", "B"), Relation.of("T", "P", "Q"),
                Relation.of("B", "Q", "S"));
        assertEquals(Set.of("A"), Suppression.determined(Set.of("T", "A", "B", "Q"), Set.of(), relations));
        assertEquals(Set.of(), Suppression.determined(Set.of("T", "A", "B", "Q", "S"), Set.of(), relations));
    }

    @Test
    void aTwoWayTableWithMarginsNeedsBothARowAndAColumnOpen() {
        List<Relation> relations = new Table().rowsAndColumns(List.of("r1", "r2", "all"), "all",
                List.of("all", "c1", "c2")).relations;
        Set<String> rectangle = Set.of("r1|c1", "r1|c2", "r2|c1", "r2|c2");
        assertEquals(Set.of(), Suppression.determined(rectangle, Set.of(), relations));
        Set<String> lShape = Set.of("r1|c1", "r1|c2", "r2|c1");
        assertEquals(lShape, Suppression.determined(lShape, Set.of(), relations));
    }

    @Test
    void zerosAreGivenAwayWhenNoOtherUnknownCanMakeUpForThem() {
        List<Relation> relation = List.of(Relation.of("T", "A", "B"));
        assertEquals(Set.of("A", "B"), Suppression.determined(Set.of("A", "B"), Set.of("A", "B"), relation));
        assertEquals(Set.of(), Suppression.determined(Set.of("A", "B"), Set.of("A"), relation));
        assertEquals(Set.of(), Suppression.determined(Set.of("T", "A", "B"), Set.of("T", "A", "B"), relation));
        List<Relation> three = List.of(Relation.of("T", "A", "B"), Relation.of("T", "P", "Q"),
                Relation.of("B", "Q", "S"));
        // A + S = P: with P shown (and 0), A and S are 0; with P hidden, A and P could both be 1
        assertEquals(Set.of("A", "S"),
                Suppression.determined(Set.of("T", "A", "B", "Q", "S"), Set.of("A", "S"), three));
        assertEquals(Set.of(), Suppression.determined(Set.of("T", "A", "B", "Q", "S", "P"), Set.of("A", "S", "P"),
                three));
        assertEquals(Set.of("A"), Suppression.determined(Set.of("T", "A", "B", "Q"), Set.of("A"), three),
                "by linear algebra already");
    }

    // ---- input

    @Test
    void malformedInputIsRejected() {
        Cell a = new Cell("A", 20, 2);
        Cell b = new Cell("B", 20, 2);
        assertThrows(IllegalArgumentException.class,
                () -> RULE.apply(List.of(a, b), List.of(Relation.of("T", "A", "B"))));
        assertThrows(IllegalArgumentException.class, () -> RULE.apply(List.of(a, a), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Cell("C", 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new Cell("C", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Relation("T", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Relation.of("T", "T", "A"));
        assertThrows(IllegalArgumentException.class, () -> Relation.of("T", "A", "A"));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfCellsAndRelations() {
        for (long seed = 1; seed <= 20; seed++) {
            Table table = Table.random(seed, false);
            List<Cell> cells = new ArrayList<>(table.cells.values());
            List<Relation> relations = new ArrayList<>(table.relations);
            Collections.shuffle(cells, new Random(seed));
            Collections.shuffle(relations, new Random(seed));
            assertEquals(table.suppress(RULE), RULE.apply(cells, relations), "seed " + seed);
        }
    }

    // ---- random tables against the attacker

    /**
     * Random trees of units with their own staff, columns all/women/men/three age bands: every small or
     * single-person cell is hidden, the attacker recovers nothing, and no complementary cell is hidden in vain —
     * showing any one of them again lets the attacker in.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void anAttackerRecoversNoHiddenFigureAndEveryComplementaryCellIsNeeded(long seed) {
        Table table = Table.random(seed, false);
        Map<String, Reason> hidden = table.suppress(RULE);
        for (Cell cell : table.cells.values()) {
            Reason primary = cell.headCount() <= 10 ? SMALL : cell.contributors() == 1 ? SINGLE : null;
            Reason got = hidden.get(cell.id());
            if (primary != null) {
                assertEquals(primary, got, cell.id());
            } else {
                assertTrue(got == null || got == COMPLEMENTARY, cell.id());
            }
        }
        assertSafe(table, hidden);
        hidden.forEach((id, reason) -> {
            if (reason == COMPLEMENTARY) {
                Map<String, Reason> fewer = new HashMap<>(hidden);
                fewer.remove(id);
                assertTrue(recovers(table, fewer.keySet()), "hidden in vain: " + id);
            }
        });
    }

    /** The rule's exact checks and the attacker's floating-point ones agree on random hiding patterns. */
    @ParameterizedTest
    @MethodSource("seeds")
    void theExactChecksFindWhatTheAttackerRecovers(long seed) {
        Table table = Table.random(seed, false);
        Random random = new Random(-seed);
        Set<String> hidden = table.cells.keySet().stream().filter(id -> random.nextInt(10) < 3)
                .collect(Collectors.toSet());
        Map<String, Long> known = known(table, hidden);
        Set<String> unknown = Set.copyOf(unknown(table, known));
        Set<String> zeros = unknown.stream().filter(id -> table.hours.get(id) == 0).collect(Collectors.toSet());
        Set<String> solved = bySolving(table, known).keySet();
        assertEquals(solved, Suppression.determined(unknown, Set.of(), table.relations));
        Set<String> all = new TreeSet<>(solved);
        all.addAll(byLinearProgramming(table, known).keySet());
        assertEquals(all, Suppression.determined(unknown, zeros, table.relations));
    }

    /**
     * Without complementary suppression the attacker gets in almost always, and finds zeros by non-negativity in
     * about half of the tables: it is not a toothless one.
     */
    @Test
    void primarySuppressionAloneIsNotEnough() {
        int leaking = 0;
        int zeros = 0;
        for (long seed : seeds().toArray()) {
            Table table = Table.random(seed, false);
            Set<String> primary = table.cells.values().stream()
                    .filter(c -> c.headCount() <= 10 || c.contributors() == 1).map(Cell::id)
                    .collect(Collectors.toSet());
            leaking += attack(table, primary).isEmpty() ? 0 : 1;
            zeros += byLinearProgramming(table, known(table, primary)).isEmpty() ? 0 : 1;
        }
        assertTrue(leaking > 180, leaking + " of 200 leak");
        assertTrue(zeros > 80, "zeros found in " + zeros + " of 200");
    }

    /** No suppression for its own sake: where every group is large and has two or more sick, all is shown. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aTableOfLargeGroupsIsShownWhole(long seed) {
        assertEquals(Map.of(), Table.random(seed, true).suppress(RULE));
    }

    // ---- the attacker

    static void assertSafe(Table table, Map<String, Reason> hidden) {
        Map<String, Long> known = known(table, hidden.keySet());
        assertEquals(Map.of(), byRelations(table, known), "recovered one relation at a time");
        assertEquals(Map.of(), bySolving(table, known), "recovered by solving all relations at once");
        assertEquals(Map.of(), byLinearProgramming(table, known), "recovered as 0, as no value is negative");
    }

    /** Primary suppression alone would not do: the attacker recovers something. */
    static void assertLeaks(Table table, Set<String> primary) {
        assertNotEquals(Map.of(), attack(table, primary));
    }

    /** Every hidden value the attacker recovers, checked to be the true one. */
    static Map<String, Long> attack(Table table, Set<String> hidden) {
        Map<String, Long> known = known(table, hidden);
        Map<String, Long> found = new TreeMap<>(byRelations(table, known));
        found.putAll(bySolving(table, known));
        found.putAll(byLinearProgramming(table, known));
        found.forEach((id, value) -> assertEquals(table.hours.get(id), value, "attacker's value of " + id));
        return found;
    }

    /** Whether the attacker recovers anything; the cheaper ways first. */
    static boolean recovers(Table table, Set<String> hidden) {
        Map<String, Long> known = known(table, hidden);
        return !byRelations(table, known).isEmpty() || !bySolving(table, known).isEmpty()
                || !byLinearProgramming(table, known).isEmpty();
    }

    /** What the attacker knows to begin with: the shown values, and 0 for every empty group. */
    static Map<String, Long> known(Table table, Set<String> hidden) {
        Map<String, Long> known = new HashMap<>();
        table.cells.values().stream().filter(c -> !hidden.contains(c.id()) || c.headCount() == 0)
                .forEach(c -> known.put(c.id(), table.hours.get(c.id())));
        return known;
    }

    /**
     * One relation at a time: its one unknown cell follows from the others; a known total equal to its known parts
     * makes every unknown part 0, since hours are never negative. Repeated with whatever was found until nothing
     * more follows. Returns what was found.
     */
    static Map<String, Long> byRelations(Table table, Map<String, Long> start) {
        Map<String, Long> known = new HashMap<>(start);
        boolean more = true;
        while (more) {
            more = false;
            for (Relation relation : table.relations) {
                List<String> unknown = Stream.concat(Stream.of(relation.total()), relation.parts().stream())
                        .filter(id -> !known.containsKey(id)).toList();
                long knownParts = relation.parts().stream().filter(known::containsKey).mapToLong(known::get).sum();
                Long total = known.get(relation.total());
                if (unknown.size() == 1) {
                    String id = unknown.getFirst();
                    known.put(id, id.equals(relation.total()) ? knownParts : total - knownParts);
                    more = true;
                } else if (!unknown.isEmpty() && total != null && total == knownParts) {
                    unknown.forEach(id -> known.put(id, 0L));
                    more = true;
                }
            }
        }
        known.keySet().removeAll(start.keySet());
        return known;
    }

    /** All relations at once: an unknown cell is recovered when its reduced row holds no other unknown. */
    static Map<String, Long> bySolving(Table table, Map<String, Long> known) {
        List<String> unknown = unknown(table, known);
        Map<String, Long> found = new TreeMap<>();
        for (double[] row : reduce(table, known, unknown)) {
            int[] in = IntStream.range(0, unknown.size()).filter(k -> Math.abs(row[k]) > EPS).toArray();
            if (in.length == 1) {
                found.put(unknown.get(in[0]), Math.round(row[unknown.size()] / row[in[0]]));
            }
        }
        return found;
    }

    /**
     * Non-negativity, exactly: a hidden cell is 0 in every table that agrees with what the attacker knows iff no
     * x ≥ 0, s ≥ 0 with M·x = s·b has x_j > 0 (with s > 0, x/s is such a table; with s = 0, the true table plus
     * x). Linear programmes find the cells that can be positive, each looking for a solution that sums to 1 over
     * the cells not yet seen positive; the others are recovered as 0.
     */
    static Map<String, Long> byLinearProgramming(Table table, Map<String, Long> known) {
        List<String> unknown = unknown(table, known);
        int n = unknown.size();
        List<double[]> rows = table.relations.stream().map(r -> equation(r, unknown, known))
                .filter(row -> IntStream.range(0, n).anyMatch(k -> row[k] != 0)).toList();
        double scale = Math.max(1, rows.stream().mapToDouble(row -> Math.abs(row[n])).max().orElse(1));
        // the last column becomes that of s, for M·x − s·b = 0; b scaled, as only its direction counts
        rows.forEach(row -> row[n] = -row[n] / scale);
        boolean[] positive = new boolean[n];
        while (true) {
            double[] open = new double[n + 1];
            IntStream.range(0, n).filter(k -> !positive[k]).forEach(k -> open[k] = 1);
            List<double[]> a = new ArrayList<>(rows);
            a.add(open);
            double[] rhs = new double[a.size()];
            rhs[rows.size()] = 1;
            double[] x = feasible(a.toArray(double[][]::new), rhs);
            if (x == null) {
                break;
            }
            IntStream.range(0, n).filter(k -> x[k] > EPS).forEach(k -> positive[k] = true);
        }
        Map<String, Long> found = new TreeMap<>();
        IntStream.range(0, n).filter(k -> !positive[k]).forEach(k -> found.put(unknown.get(k), 0L));
        return found;
    }

    /**
     * Some y ≥ 0 with a·y = r (r ≥ 0): phase one of the simplex method with Bland's rule, in floating point; null
     * if there is none.
     */
    static double[] feasible(double[][] a, double[] r) {
        int m = a.length;
        int v = a[0].length;
        int rhs = v + m;
        double[][] t = new double[m + 1][rhs + 1];
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a[i], 0, t[i], 0, v);
            t[i][v + i] = 1;
            t[i][rhs] = r[i];
            basis[i] = v + i;
            for (int k = 0; k < v; k++) {
                t[m][k] -= a[i][k];
            }
            t[m][rhs] -= r[i];
        }
        while (true) {
            int enter = -1;
            for (int k = 0; k < rhs && enter < 0; k++) {
                if (t[m][k] < -EPS) {
                    enter = k;
                }
            }
            if (enter < 0) {
                break;
            }
            int leave = -1;
            for (int i = 0; i < m; i++) {
                if (t[i][enter] > EPS) {
                    double order = leave < 0 ? -1 : t[i][rhs] / t[i][enter] - t[leave][rhs] / t[leave][enter];
                    if (order < -EPS || Math.abs(order) <= EPS && basis[i] < basis[leave]) {
                        leave = i;
                    }
                }
            }
            double pivot = t[leave][enter];
            for (int k = 0; k <= rhs; k++) {
                t[leave][k] /= pivot;
            }
            for (int i = 0; i <= m; i++) {
                double f = t[i][enter];
                if (i != leave && f != 0) {
                    for (int k = 0; k <= rhs; k++) {
                        t[i][k] -= f * t[leave][k];
                    }
                }
            }
            basis[leave] = enter;
        }
        if (t[m][rhs] < -EPS) {
            return null;
        }
        double[] y = new double[v];
        for (int i = 0; i < m; i++) {
            if (basis[i] < v) {
                y[basis[i]] = t[i][rhs];
            }
        }
        return y;
    }

    static List<String> unknown(Table table, Map<String, Long> known) {
        return table.cells.keySet().stream().filter(id -> !known.containsKey(id)).sorted().toList();
    }

    /**
     * The non-zero rows of the reduced system "row · x = row[n]" for the unknown cells x, in that order, with the
     * known values substituted: Gauss–Jordan elimination with partial pivoting, in floating point, independent of
     * the rule's exact integer arithmetic.
     */
    static List<double[]> reduce(Table table, Map<String, Long> known, List<String> unknown) {
        int n = unknown.size();
        double[][] a = table.relations.stream().map(r -> equation(r, unknown, known)).toArray(double[][]::new);
        int rank = 0;
        for (int c = 0; c < n && rank < a.length; c++) {
            int best = rank;
            for (int r = rank + 1; r < a.length; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][c]) < EPS) {
                continue;
            }
            double[] swap = a[rank];
            a[rank] = a[best];
            a[best] = swap;
            for (int r = 0; r < a.length; r++) {
                double f = a[r][c] / a[rank][c];
                if (r != rank && f != 0) {
                    for (int k = 0; k <= n; k++) {
                        a[r][k] -= f * a[rank][k];
                    }
                }
            }
            rank++;
        }
        return List.of(a).subList(0, rank);
    }

    /** A relation as the equation "row · x = row[n]" in the unknown cells x, with the known values substituted. */
    static double[] equation(Relation relation, List<String> unknown, Map<String, Long> known) {
        double[] row = new double[unknown.size() + 1];
        Stream.concat(Stream.of(relation.total()), relation.parts().stream()).forEach(id -> {
            int sign = id.equals(relation.total()) ? 1 : -1;
            if (known.containsKey(id)) {
                row[unknown.size()] -= sign * known.get(id);
            } else {
                row[unknown.indexOf(id)] += sign;
            }
        });
        return row;
    }

    // ---- tables

    /** A response's cells with their true sick hours, and the relations between them. */
    static final class Table {
        static final List<String> COLUMNS = List.of("all", "women", "men", "-29", "30-49", "50-");

        final Map<String, Cell> cells = new LinkedHashMap<>();
        final Map<String, Long> hours = new HashMap<>();
        final List<Relation> relations = new ArrayList<>();

        Table cell(String id, long headCount, long contributors, long sickHours) {
            cells.put(id, new Cell(id, headCount, contributors));
            hours.put(id, sickHours);
            return this;
        }

        Table relation(String total, String... parts) {
            relations.add(Relation.of(total, parts));
            return this;
        }

        /** Cells "row|column": each row's first column is the sum of the others; the total row, of the other rows. */
        Table rowsAndColumns(List<String> rows, String totalRow, List<String> columns) {
            for (String row : rows) {
                relation(row + "|" + columns.getFirst(),
                        columns.stream().skip(1).map(c -> row + "|" + c).toArray(String[]::new));
            }
            for (String c : columns) {
                relation(totalRow + "|" + c,
                        rows.stream().filter(r -> !r.equals(totalRow)).map(r -> r + "|" + c).toArray(String[]::new));
            }
            return this;
        }

        Map<String, Reason> suppress(Suppression rule) {
            relations.forEach(this::assertAddsUp);
            return rule.apply(List.copyOf(cells.values()), relations);
        }

        private void assertAddsUp(Relation relation) {
            if (!cells.containsKey(relation.total())) {
                return; // a relation-only table, for the exact check
            }
            List<String> parts = relation.parts();
            Cell total = cells.get(relation.total());
            assertEquals(total.headCount(), parts.stream().mapToLong(p -> cells.get(p).headCount()).sum(), total.id());
            assertEquals(total.contributors(), parts.stream().mapToLong(p -> cells.get(p).contributors()).sum(),
                    total.id());
            assertEquals(hours.get(total.id()), parts.stream().mapToLong(hours::get).sum(), total.id());
        }

        record Person(int gender, int band, long hours) {
            boolean in(int column) {
                return column == 0 || column == 1 + gender || column == 3 + band;
            }
        }

        /**
         * Up to ten units in a random tree. A unit with child units has a row for its own staff ("u3/own") and one
         * for its subtree ("u3"); a unit without has one row. Columns all/women/men/three age bands. Head counts
         * 0–60 per unit, about a quarter men, each person sick for some hours with a per-table probability; or,
         * if large, at least 11 in each gender and age band, at least two of them sick.
         */
        static Table random(long seed, boolean large) {
            Random random = new Random(seed);
            int units = 1 + random.nextInt(10);
            List<List<Integer>> children = new ArrayList<>();
            List<List<Person>> staff = new ArrayList<>();
            double sick = random.nextDouble();
            for (int u = 0; u < units; u++) {
                children.add(new ArrayList<>());
                if (u > 0) {
                    children.get(random.nextInt(u)).add(u);
                }
                staff.add(large ? largeStaff(random) : staff(random, sick));
            }
            Table table = new Table();
            for (int u = 0; u < units; u++) {
                if (children.get(u).isEmpty()) {
                    table.row("u" + u, staff.get(u));
                    continue;
                }
                table.row("u" + u + "/own", staff.get(u));
                table.row("u" + u, subtree(u, children, staff));
                for (String column : COLUMNS) {
                    List<String> parts = new ArrayList<>(List.of("u" + u + "/own|" + column));
                    children.get(u).forEach(child -> parts.add("u" + child + "|" + column));
                    table.relations.add(new Relation("u" + u + "|" + column, parts));
                }
            }
            return table;
        }

        private void row(String row, List<Person> persons) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                int column = c;
                List<Person> in = persons.stream().filter(p -> p.in(column)).toList();
                cell(row + "|" + COLUMNS.get(c), in.size(), in.stream().filter(p -> p.hours() > 0).count(),
                        in.stream().mapToLong(Person::hours).sum());
            }
            relation(row + "|all", row + "|women", row + "|men");
            relation(row + "|all", row + "|-29", row + "|30-49", row + "|50-");
        }

        private static List<Person> subtree(int unit, List<List<Integer>> children, List<List<Person>> staff) {
            List<Person> persons = new ArrayList<>(staff.get(unit));
            children.get(unit).forEach(child -> persons.addAll(subtree(child, children, staff)));
            return persons;
        }

        private static List<Person> staff(Random random, double sick) {
            List<Person> persons = new ArrayList<>();
            for (int i = random.nextInt(61); i > 0; i--) {
                long hours = random.nextDouble() < sick ? 1 + random.nextInt(400) : 0;
                persons.add(new Person(random.nextInt(4) == 0 ? 1 : 0, random.nextInt(3), hours));
            }
            return persons;
        }

        private static List<Person> largeStaff(Random random) {
            List<Person> persons = new ArrayList<>();
            for (int gender = 0; gender < 2; gender++) {
                for (int band = 0; band < 3; band++) {
                    for (int i = 11 + random.nextInt(20); i > 0; i--) {
                        long hours = i <= 2 || random.nextBoolean() ? 1 + random.nextInt(400) : 0;
                        persons.add(new Person(gender, band, hours));
                    }
                }
            }
            return persons;
        }
    }
}
