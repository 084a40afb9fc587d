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
 * cells and random other groups of the small cells' persons, of at most the threshold's number of persons. None may
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
            for (int[] time : times) {
                for (int[] group : groups) {
                    for (int u = 0; u < units; u++) {
                        add(subtree(u), time, group);
                        if (hasChildren(u)) {
                            add(new int[]{u}, time, group);
                        }
                    }
                }
            }
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

        void add(int[] unitSet, int[] months, int[] groups) {
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
            cells.add(new Cell(a, persons(a).cardinality(), contributors(a)));
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
            if (pattern.shown(c)) {
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
        Pattern pattern = Protection.protect(org.cells, org.data, POLICY);
        double[] w = org.atomTotals(false);
        List<int[]> targets = new ArrayList<>();
        List<Integer> hidden = IntStream.range(0, org.cells.size()).filter(c -> !pattern.shown(c)).boxed().toList();
        for (int i = 0; i < hidden.size(); i++) {
            targets.add(org.cellAtoms.get(hidden.get(i)));
            for (int j = i + 1; j < hidden.size(); j++) {
                Set<Integer> union = new HashSet<>();
                for (int a : org.cellAtoms.get(hidden.get(i))) {
                    union.add(a);
                }
                for (int a : org.cellAtoms.get(hidden.get(j))) {
                    union.add(a);
                }
                targets.add(union.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        // and other groups of the small cells' persons
        boolean[] guarded = new boolean[w.length];
        for (Cell cell : org.cells) {
            if (cell.heads() > 0 && cell.heads() <= POLICY.threshold()) {
                IntStream.of(cell.atoms()).forEach(a -> guarded[a] = true);
            }
        }
        Random random = new Random(seed);
        for (int k = 0; k < 40; k++) {
            targets.add(IntStream.range(0, w.length).filter(a -> guarded[a] && w[a] > 0 && random.nextInt(3) == 0).toArray());
        }
        Set<String> seen = new HashSet<>();
        int attacked = 0;
        for (int[] target : targets) {
            int heads = org.persons(target).cardinality();
            double weight = IntStream.of(target).mapToDouble(a -> w[a]).sum();
            if (heads == 0 || heads > POLICY.threshold() || !seen.add(java.util.Arrays.toString(
                    IntStream.of(target).filter(a -> w[a] > 0).sorted().toArray()))) {
                continue;
            }
            double[] b = bounds(org, pattern, target);
            attacked++;
            assertTrue(b[1] - b[0] >= POLICY.protectionInterval() * weight - 1e-6,
                    "seed " + seed + ": a group of " + heads + " pinned to [" + b[0] / weight + ", " + b[1] / weight + "]");
        }
        boolean small = hidden.stream().anyMatch(c -> org.cells.get(c).heads() > 0
                && org.cells.get(c).heads() <= POLICY.threshold());
        assertTrue(attacked > 0 || !small, "the small hidden cells were attacked");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyComplementaryCellIsNeeded(long seed) {
        Organisation org = new Organisation(seed);
        Pattern pattern = Protection.protect(org.cells, org.data, POLICY);
        for (int c = 0; c < org.cells.size(); c++) {
            if (pattern.reason(c) == Reason.COMPLEMENTARY) {
                assertFalse(pattern.couldAlsoShow(c), "seed " + seed + ": cell " + c + " was hidden but need not be");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSameCellsInAnyAtomOrderGiveTheSamePattern(long seed) {
        Organisation org = new Organisation(seed);
        Pattern pattern = Protection.protect(org.cells, org.data, POLICY);
        List<Cell> shuffled = org.cells.stream().map(c -> {
            List<Integer> atoms = new ArrayList<>(IntStream.of(c.atoms()).boxed().toList());
            java.util.Collections.shuffle(atoms, new Random(seed));
            return new Cell(atoms.stream().mapToInt(Integer::intValue).toArray(), c.heads(), c.contributors());
        }).toList();
        Pattern again = Protection.protect(shuffled, org.data, POLICY);
        for (int c = 0; c < org.cells.size(); c++) {
            assertTrue(pattern.reason(c) == again.reason(c), "seed " + seed + ": cell " + c);
        }
    }
}
