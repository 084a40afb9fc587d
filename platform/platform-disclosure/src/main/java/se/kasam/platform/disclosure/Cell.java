package se.kasam.platform.disclosure;

import java.util.Arrays;

/**
 * One figure of the publication: the atoms it sums over, and how many persons are in it and contribute to it.
 *
 * @param atoms        the atoms of {@link Microdata} the cell is the sum of, each once
 * @param heads        the persons in the cell (for the primary rule; the atoms' rows may not tell, a person being in
 *                     several atoms)
 * @param contributors of them, those with a non-zero value
 */
public record Cell(int[] atoms, int heads, int contributors) {
    public Cell {
        atoms = atoms.clone();
        if (heads < 0 || contributors < 0 || contributors > heads) {
            throw new IllegalArgumentException("a cell needs 0 <= contributors <= heads, was " + contributors + " of " + heads);
        }
        int[] sorted = atoms.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("a cell names atom " + sorted[i] + " twice");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && heads == c.heads && contributors == c.contributors && Arrays.equals(atoms, c.atoms);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(atoms) + heads * 7 + contributors;
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(atoms) + " heads=" + heads + " contributors=" + contributors;
    }
}
