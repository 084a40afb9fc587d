package se.kasam.sickleave.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact reduced row echelon form of small integer matrices, fraction-free: a row is only ever replaced by an
 * integer combination of rows and divided by the greatest common divisor of its entries, so nothing is rounded.
 * An entry that would overflow a {@code long} throws {@link ArithmeticException} instead of giving a wrong answer.
 */
final class Echelon {
    private Echelon() {
    }

    /**
     * The non-zero rows of the reduced row echelon form of {@code rows} (which are not modified): each row has a
     * leading entry in a column where every other returned row has 0. Leading entries are not scaled to 1.
     */
    static List<long[]> reduce(List<long[]> rows, int columns) {
        List<long[]> pending = new ArrayList<>();
        rows.forEach(row -> pending.add(row.clone()));
        List<long[]> reduced = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            long[] pivot = null;
            for (long[] row : pending) {
                if (row[column] != 0) {
                    pivot = row;
                    break;
                }
            }
            if (pivot == null) {
                continue;
            }
            pending.remove(pivot);
            for (long[] row : reduced) {
                eliminate(row, pivot, column);
            }
            for (long[] row : pending) {
                eliminate(row, pivot, column);
            }
            reduced.add(pivot);
        }
        return reduced;
    }

    /**
     * row := p·row − f·pivot, with p > 0 when pivot[column] > 0, chosen so that row[column] becomes 0; then divided
     * by the (positive) gcd of its entries.
     */
    static void eliminate(long[] row, long[] pivot, int column) {
        if (row[column] == 0) {
            return;
        }
        long g = gcd(row[column], pivot[column]);
        long f = row[column] / g;
        long p = pivot[column] / g;
        long common = 0;
        for (int k = 0; k < row.length; k++) {
            row[k] = Math.subtractExact(Math.multiplyExact(p, row[k]), Math.multiplyExact(f, pivot[k]));
            common = gcd(common, row[k]);
        }
        if (common > 1) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= common;
            }
        }
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
