package se.kasam.sickleave.rules;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The non-negative solutions of a homogeneous integer system B·d = 0: which coordinates are positive in some of
 * them. Exact: phase one of the simplex method with Bland's rule (which cannot cycle) on a fraction-free integer
 * tableau, as in {@link Echelon}.
 */
final class Cone {
    private Cone() {
    }

    /** For each coordinate j, whether some d ≥ 0 with B·d = 0 has d_j > 0. */
    static boolean[] positive(List<long[]> rows, int columns) {
        boolean[] positive = new boolean[columns];
        Arrays.fill(positive, true); // a coordinate in no equation is free
        for (int[] group : linked(rows, columns)) {
            List<long[]> equations = rows.stream().filter(row -> IntStream.of(group).anyMatch(j -> row[j] != 0))
                    .map(row -> IntStream.of(group).mapToLong(j -> row[j]).toArray()).toList();
            // the solutions form a cone, so one with every coordinate found here positive exists too; look for
            // one that is positive somewhere else, until there is none
            boolean[] found = new boolean[group.length];
            for (boolean[] more = support(equations, found); more != null; more = support(equations, found)) {
                for (int j = 0; j < group.length; j++) {
                    found[j] |= more[j];
                }
            }
            for (int j = 0; j < group.length; j++) {
                positive[group[j]] = found[j];
            }
        }
        return positive;
    }

    /** The coordinates that occur in equations, in groups that the equations link; each can be solved alone. */
    private static Collection<int[]> linked(List<long[]> rows, int columns) {
        int[] parent = IntStream.range(0, columns).toArray();
        for (long[] row : rows) {
            int first = -1;
            for (int j = 0; j < columns; j++) {
                if (row[j] != 0) {
                    if (first < 0) {
                        first = j;
                    } else {
                        parent[root(parent, j)] = root(parent, first);
                    }
                }
            }
        }
        return IntStream.range(0, columns).filter(j -> rows.stream().anyMatch(row -> row[j] != 0)).boxed()
                .collect(Collectors.groupingBy(j -> root(parent, j))).values().stream()
                .map(group -> group.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int root(int[] parent, int j) {
        while (parent[j] != j) {
            j = parent[j];
        }
        return j;
    }

    /**
     * The coordinates where a vertex of {d ≥ 0, B·d = 0, Σ d_j = 1 over the j not yet found} is positive; null
     * when there is no such d (or no j left).
     */
    private static boolean[] support(List<long[]> rows, boolean[] found) {
        int columns = found.length;
        int m = rows.size() + 1;
        int rhs = columns + m; // the columns: d, one artificial variable per row, the right-hand side
        long[][] t = new long[m + 1][rhs + 1];
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            if (i < rows.size()) {
                System.arraycopy(rows.get(i), 0, t[i], 0, columns);
            } else {
                for (int j = 0; j < columns; j++) {
                    t[i][j] = found[j] ? 0 : 1;
                }
                t[i][rhs] = 1;
            }
            t[i][columns + i] = 1;
            basis[i] = columns + i;
        }
        // row m: minimise the sum of the artificial variables, written in the non-basic ones (the d)
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < columns; j++) {
                t[m][j] -= t[i][j];
            }
            t[m][rhs] -= t[i][rhs];
        }
        while (true) {
            int enter = -1;
            for (int k = 0; k < rhs && enter < 0; k++) {
                if (t[m][k] < 0) {
                    enter = k;
                }
            }
            if (enter < 0) {
                break;
            }
            int leave = -1;
            for (int i = 0; i < m; i++) {
                if (t[i][enter] > 0) {
                    int order = leave < 0 ? -1 : Long.compare(Math.multiplyExact(t[i][rhs], t[leave][enter]),
                            Math.multiplyExact(t[leave][rhs], t[i][enter]));
                    if (order < 0 || order == 0 && basis[i] < basis[leave]) {
                        leave = i;
                    }
                }
            }
            for (int i = 0; i <= m; i++) {
                if (i != leave) {
                    Echelon.eliminate(t[i], t[leave], enter);
                }
            }
            basis[leave] = enter;
        }
        if (t[m][rhs] != 0) {
            return null;
        }
        boolean[] support = new boolean[columns];
        for (int i = 0; i < m; i++) {
            if (basis[i] < columns && t[i][rhs] > 0) {
                support[basis[i]] = true;
            }
        }
        return support;
    }
}
