package se.kasam.platform.disclosure;

import java.util.Arrays;

/**
 * A cell as a linear form: integer coefficients over coordinates the caller chooses, so that the span of the shown
 * cells can be worked out with short vectors. Any coordinates do that are an invertible linear image of the atoms:
 * for a unit tree, each subtree's total in place of each unit's own staff makes a subtree a single coordinate and a
 * unit's own staff the subtree less its children, where over atoms the whole organisation would be one vector of
 * every atom. A coordinate that is known to be zero (no one in it) is left out.
 */
public record Form(int[] coordinates, long[] coefficients) {
    public Form {
        if (coordinates.length != coefficients.length) {
            throw new IllegalArgumentException("a form needs one coefficient per coordinate");
        }
        coordinates = coordinates.clone();
        coefficients = coefficients.clone();
        for (int i = 0; i < coordinates.length; i++) {
            if (coordinates[i] < 0 || i > 0 && coordinates[i] <= coordinates[i - 1]) {
                throw new IllegalArgumentException("a form's coordinates must be distinct, non-negative and ascending");
            }
        }
    }

    /** The sum of the given coordinates (the atoms themselves, say), each once. */
    public static Form sum(int[] coordinates) {
        int[] sorted = coordinates.clone();
        Arrays.sort(sorted);
        long[] ones = new long[sorted.length];
        Arrays.fill(ones, 1);
        return new Form(sorted, ones);
    }

    public int size() {
        return coordinates.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Form f && Arrays.equals(coordinates, f.coordinates) && Arrays.equals(coefficients, f.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coordinates) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "Form" + Arrays.toString(coordinates) + Arrays.toString(coefficients);
    }
}
