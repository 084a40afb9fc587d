package se.kasam.platform.disclosure;

import java.util.List;

/**
 * Whether a figure that is not a cell follows from the cells shown: its atoms' indicator is a linear combination of
 * the shown cells' indicators (a period of two quarters, a year less a month). Answering it then tells nothing new.
 * For the small systems of one dimension (the time cells of a year: at most a few dozen vectors of a few dozen
 * entries), by Gaussian elimination; a combination found is checked exactly before it is used.
 */
public final class Derivation {
    private static final double EPS = 1e-9;

    private Derivation() {
    }

    /**
     * @param shown  each shown cell as the set of positions (months, say) it covers
     * @param target the positions of the figure asked for
     * @return a coefficient per shown cell whose combination is the target, or null when there is none
     */
    public static double[] of(List<boolean[]> shown, boolean[] target) {
        int n = shown.size();
        int m = target.length;
        // the system A·x = target, A's columns the shown cells; reduce [A | target] by rows
        double[][] a = new double[m][n + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = shown.get(j)[i] ? 1 : 0;
            }
            a[i][n] = target[i] ? 1 : 0;
        }
        int[] pivotColumn = new int[m];
        int rank = 0;
        for (int col = 0; col < n && rank < m; col++) {
            int pivot = -1;
            for (int i = rank; i < m; i++) {
                if (Math.abs(a[i][col]) > EPS && (pivot < 0 || Math.abs(a[i][col]) > Math.abs(a[pivot][col]))) {
                    pivot = i;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = a[pivot];
            a[pivot] = a[rank];
            a[rank] = swap;
            for (int i = 0; i < m; i++) {
                if (i != rank && Math.abs(a[i][col]) > EPS) {
                    double f = a[i][col] / a[rank][col];
                    for (int k = col; k <= n; k++) {
                        a[i][k] -= f * a[rank][k];
                    }
                }
            }
            pivotColumn[rank++] = col;
        }
        for (int i = rank; i < m; i++) {
            if (Math.abs(a[i][n]) > EPS) {
                return null;
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < rank; i++) {
            x[pivotColumn[i]] = a[i][n] / a[i][pivotColumn[i]];
        }
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += shown.get(j)[i] ? x[j] : 0;
            }
            if (Math.abs(sum - (target[i] ? 1 : 0)) > 1e-7) {
                return null;
            }
        }
        return x;
    }
}
