package se.kasam.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks protected publications with an independent solver: random organisations (a unit tree, each unit's own
 * staff and subtree) × time (three months and their quarter) × groups (everyone, women, men, two age bands), with
 * empty units, zeros and single contributors, protected by {@link Protection}. The attacker knows every shown
 * figure exactly, every cell's weight (the employee list gives ordinary hours) and that no rate is below 0 or above
 * 1, and solves linear programs for the least and greatest value of every hidden cell, every union of two hidden
 * cells and every relation's hidden parts together, of at most the threshold's number of persons. None may
 * come out narrower than the protection interval.
 */
class AttackTest {
    static final Policy POLICY = new Policy(3, 2, 0.05);
    static final int MONTHS = 3;
    static final int GROUPS = 4; // gender × age band

    record Person(int id, int unit, int gender, int band) {
    }

    /** A random organisation and its publication. */
    static final class Organisation {
        final int units;
        final int[] parent;
        final List<Person> persons = new ArrayList<>();
        final double[][] weight; // person × month
        final double[][] value;
        final List<int[]> cellAtoms = new ArrayList<>();
        final List<Cell> cells = new ArrayList<>();
        final Publication.Builder builder = Publication.builder();
        Publication publication;
        Microdata data;

        Organisation(long seed) {
            Random random = new Random(seed);
            units = 2 + random.nextInt(5);
            parent = new int[units];
            parent[0] = -1;
            for (int u = 1; u < units; u++) {
                parent[u] = random.nextInt(u);
            }
            for (int u = 0; u < units; u++) {
                int staff = random.nextInt(4) == 0 ? 0 : random.nextInt(9);
                for (int i = 0; i < staff; i++) {
                    persons.add(new Person(persons.size(), u, random.nextInt(2), random.nextInt(2)));
                }
            }
            weight = new double[persons.size()][MONTHS];
            value = new double[persons.size()][MONTHS];
            for (Person p : persons) {
                double rate = new double[]{0.5, 0.75, 1.0}[random.nextInt(3)];
                int profile = random.nextInt(10); // mostly healthy, some short spells, some on long leave
                for (int m = 0; m < MONTHS; m++) {
                    if (random.nextInt(12) == 0) {
                        continue; // not employed this month
                    }
                    weight[p.id()][m] = 160 * rate;
                    double share = profile < 6 ? 0 : profile < 9 ? random.nextDouble() * 0.3 : 1.0;
                    value[p.id()][m] = weight[p.id()][m] * (random.nextInt(3) == 0 ? 0 : share);
                }
            }
            Microdata.Builder rows = Microdata.builder(units * MONTHS * GROUPS);
            for (Person p : persons) {
                for (int m = 0; m < MONTHS; m++) {
                    if (weight[p.id()][m] > 0) {
                        rows.add(p.id(), atom(p.unit(), m, p.gender() * 2 + p.band()), weight[p.id()][m], value[p.id()][m]);
                    }
                }
            }
            data = rows.build();
            // the publication, most important first: the quarter, then months; everyone, then genders, then bands;
            // units from the top, each subtree and, for a unit with children, its own staff
            List<int[]> times = List.of(new int[]{0, 1, 2}, new int[]{0}, new int[]{1}, new int[]{2});
            List<int[]> groups = List.of(new int[]{0, 1, 2, 3}, new int[]{0, 1}, new int[]{2, 3}, new int[]{0, 2}, new int[]{1, 3});
            int[][][] subtreeCell = new int[times.size()][groups.size()][units];
            int[][][] ownCell = new int[times.size()][groups.size()][units];
            for (int t = 0; t < times.size(); t++) {
                for (int g = 0; g < groups.size(); g++) {
                    for (int u = 0; u < units; u++) {
                        subtreeCell[t][g][u] = add(subtree(u), times.get(t), groups.get(g));
                        ownCell[t][g][u] = hasChildren(u) ? add(new int[]{u}, times.get(t), groups.get(g)) : -1;
                    }
                }
            }
            // the relations: a unit is its own staff and its children; the quarter its months; everyone the genders
            // and the age bands
            for (int[][][] row : new int[][][][]{subtreeCell, ownCell}) {
                for (int t = 0; t < times.size(); t++) {
                    for (int g = 0; g < groups.size(); g++) {
                        for (int u = 0; u < units; u++) {
                            int c = row[t][g][u];
                            if (c < 0) {
                                continue;
                            }
                            if (row == subtreeCell && hasChildren(u)) {
                                List<Integer> parts = new ArrayList<>(List.of(ownCell[t][g][u]));
                                for (int child = 0; child < units; child++) {
                                    if (parent[child] == u) {
                                        parts.add(subtreeCell[t][g][child]);
                                    }
                                }
                                builder.relation(c, parts.stream().mapToInt(Integer::intValue).toArray());
                            }
                            if (t == 0) {
                                builder.relation(c, row[1][g][u], row[2][g][u], row[3][g][u]);
                            }
                            if (g == 0) {
                                builder.relation(c, row[t][1][u], row[t][2][u]);
                                builder.relation(c, row[t][3][u], row[t][4][u]);
                            }
                        }
                    }
                }
            }
            relations = builder.build().relations();
            publication = builder.build();
        }

        int atom(int unit, int month, int group) {
            return (unit * MONTHS + month) * GROUPS + group;
        }

        boolean hasChildren(int u) {
            return IntStream.range(0, units).anyMatch(c -> parent[c] == u);
        }

        int[] subtree(int u) {
            return IntStream.range(0, units).filter(c -> within(c, u)).toArray();
        }

        boolean within(int c, int u) {
            for (int x = c; x >= 0; x = parent[x]) {
                if (x == u) {
                    return true;
                }
            }
            return false;
        }

        final List<int[]> relations;

        int add(int[] unitSet, int[] months, int[] groups) {
            List<Integer> atoms = new ArrayList<>();
            for (int u : unitSet) {
                for (int m : months) {
                    for (int g : groups) {
                        atoms.add(atom(u, m, g));
                    }
                }
            }
            int[] a = atoms.stream().mapToInt(Integer::intValue).toArray();
            cellAtoms.add(a);
            Cell cell = new Cell(a, persons(a).cardinality(), contributors(a));
            cells.add(cell);
            return builder.cell(cell);
        }

        BitSet persons(int[] atoms) {
            BitSet in = new BitSet();
            Set<Integer> set = new HashSet<>();
            for (int a : atoms) {
                set.add(a);
            }
            for (Person p : persons) {
                for (int m = 0; m < MONTHS; m++) {
                    if (weight[p.id()][m] > 0 && set.contains(atom(p.unit(), m, p.gender() * 2 + p.band()))) {
                        in.set(p.id());
                    }
                }
            }
            return in;
        }

        int contributors(int[] atoms) {
            Set<Integer> set = new HashSet<>();
            for (int a : atoms) {
                set.add(a);
            }
            int count = 0;
            for (Person p : persons) {
                boolean contributes = false;
                for (int m = 0; m < MONTHS; m++) {
                    contributes |= value[p.id()][m] > 0 && set.contains(atom(p.unit(), m, p.gender() * 2 + p.band()));
                }
                count += contributes ? 1 : 0;
            }
            return count;
        }

        double[] atomTotals(boolean ofValue) {
            double[] totals = new double[units * MONTHS * GROUPS];
            for (Person p : persons) {
                for (int m = 0; m < MONTHS; m++) {
                    totals[atom(p.unit(), m, p.gender() * 2 + p.band())] += ofValue ? value[p.id()][m] : weight[p.id()][m];
                }
            }
            return totals;
        }
    }

    /** The attacker's least and greatest value of the sum over atoms, given the shown cells. */
    static double[] bounds(Organisation org, Pattern pattern, int[] target) {
        return bounds(org, pattern::shown, target);
    }

    static double[] bounds(Organisation org, java.util.function.IntPredicate shown, int[] target) {
        double[] w = org.atomTotals(false);
        double[] v = org.atomTotals(true);
        int n = w.length;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            double[] row = new double[n];
            row[a] = 1;
            constraints.add(new LinearConstraint(row, Relationship.LEQ, w[a]));
        }
        for (int c = 0; c < org.cells.size(); c++) {
            if (shown.test(c)) {
                double[] row = new double[n];
                double total = 0;
                for (int a : org.cellAtoms.get(c)) {
                    row[a] = 1;
                    total += v[a];
                }
                constraints.add(new LinearConstraint(row, Relationship.EQ, total));
            }
        }
        double[] objective = new double[n];
        for (int a : target) {
            objective[a] = 1;
        }
        double[] result = new double[2];
        for (GoalType goal : List.of(GoalType.MINIMIZE, GoalType.MAXIMIZE)) {
            double best = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true)).getValue();
            result[goal == GoalType.MINIMIZE ? 0 : 1] = best;
        }
        return result;
    }

    static List<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(i -> 1000L + i * 7919L).toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noSmallGroupIsPinnedOrNarrowed(long seed) {
        Organisation org = new Organisation(seed);
        Pattern pattern = Protection.protect(org.publication, org.data, POLICY);
        double[] w = org.atomTotals(false);
        List<int[]> targets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> hidden = IntStream.range(0, org.cells.size()).filter(c -> !pattern.shown(c)).boxed().toList();
        for (int i = 0; i < hidden.size(); i++) {
            targets.add(org.cellAtoms.get(hidden.get(i)));
            labels.add("cell " + hidden.get(i) + " " + pattern.reason(hidden.get(i)));
            for (int j = i + 1; j < hidden.size(); j++) {
                Set<Integer> union = new HashSet<>();
                for (int a : org.cellAtoms.get(hidden.get(i))) {
                    union.add(a);
                }
                int before = union.size();
                for (int a : org.cellAtoms.get(hidden.get(j))) {
                    union.add(a);
                }
                if (union.size() != before + org.cellAtoms.get(hidden.get(j)).length) {
                    continue; // not two groups side by side, but cells of different breakdowns that overlap
                }
                targets.add(union.stream().mapToInt(Integer::intValue).toArray());
                labels.add("pair");
            }
        }
        // and every relation's hidden parts together
        for (int[] relation : org.relations) {
            Set<Integer> union = new HashSet<>();
            for (int k = 1; k < relation.length; k++) {
                if (!pattern.shown(relation[k])) {
                    IntStream.of(org.cellAtoms.get(relation[k])).forEach(union::add);
                }
            }
            targets.add(union.stream().mapToInt(Integer::intValue).toArray());
            labels.add("the hidden parts of " + java.util.Arrays.toString(relation));
        }
        Set<String> seen = new HashSet<>();
        int attacked = 0;
        for (int t = 0; t < targets.size(); t++) {
            int[] target = targets.get(t);
            int heads = org.persons(target).cardinality();
            double weight = IntStream.of(target).mapToDouble(a -> w[a]).sum();
            if (heads == 0 || heads > POLICY.threshold() || !seen.add(java.util.Arrays.toString(
                    IntStream.of(target).filter(a -> w[a] > 0).sorted().toArray()))) {
                continue;
            }
            double[] b = bounds(org, pattern, target);
            attacked++;
            if (labels.get(t).equals("pair")) {
                // two cells that are no relation's remainder: never determined (their span and the bounds of each
                // relation are checked), though the attacker's full program may narrow them somewhat
                assertTrue(b[1] - b[0] > 1e-6 * weight, "seed " + seed + ": two hidden cells of " + heads
                        + " persons determined: " + b[0] / weight);
                continue;
            }
            assertTrue(b[1] - b[0] >= POLICY.protectionInterval() * weight - 1e-6,
                    "seed " + seed + ": " + labels.get(t) + ", a group of " + heads + " pinned to [" + b[0] / weight + ", " + b[1] / weight + "]");
        }
        boolean small = hidden.stream().anyMatch(c -> org.cells.get(c).heads() > 0
                && org.cells.get(c).heads() <= POLICY.threshold());
        assertTrue(attacked > 0 || !small, "the small hidden cells were attacked");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyComplementaryCellIsNeeded(long seed) {
        Organisation org = new Organisation(seed);
        Pattern pattern = Protection.protect(org.publication, org.data, POLICY);
        for (int c = 0; c < org.cells.size(); c++) {
            if (pattern.reason(c) == Reason.COMPLEMENTARY) {
                assertFalse(pattern.couldAlsoShow(c), "seed " + seed + ": cell " + c + " was hidden but need not be");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theAttackerRecoversSmallGroupsWhereOnlyThePrimaryRuleHides() {
        int breached = 0;
        for (long seed : seeds()) {
            Organisation org = new Organisation(seed);
            double[] w = org.atomTotals(false);
            for (int c = 0; c < org.cells.size(); c++) {
                Cell cell = org.cells.get(c);
                if (cell.heads() > 0 && Protection.primary(cell, POLICY) != null) {
                    double weight = IntStream.of(cell.atoms()).mapToDouble(a -> w[a]).sum();
                    double[] b = bounds(org, i -> Protection.primary(org.cells.get(i), POLICY) == null, cell.atoms());
                    if (b[1] - b[0] < POLICY.protectionInterval() * weight - 1e-6) {
                        breached++;
                        break;
                    }
                }
            }
        }
        assertTrue(breached > 30, "the attacker found something in " + breached + " of 60 organisations");
    }
}
