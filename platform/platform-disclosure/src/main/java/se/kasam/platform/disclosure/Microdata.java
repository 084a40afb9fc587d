package se.kasam.platform.disclosure;

import java.util.Arrays;

/**
 * The rows a publication sums: each says that a person has, in one atom (the finest piece of the table, say one
 * unit's own staff in one month in one gender and age band), a weight and a value. A cell's figure is its rate,
 * value ÷ weight, over its atoms; every person's value lies between 0 and their weight (sick hours between none and
 * all of the ordinary hours). Held by atom, for reading one atom's rows at a time.
 */
public final class Microdata {
    private final int atoms;
    private final int[] start; // the rows of atom a are start[a] .. start[a + 1] - 1
    private final int[] person;
    private final double[] weight;
    private final double[] value;

    private Microdata(int atoms, int[] start, int[] person, double[] weight, double[] value) {
        this.atoms = atoms;
        this.start = start;
        this.person = person;
        this.weight = weight;
        this.value = value;
    }

    public static Builder builder(int atoms) {
        return new Builder(atoms);
    }

    public int atoms() {
        return atoms;
    }

    int first(int atom) {
        return start[atom];
    }

    int end(int atom) {
        return start[atom + 1];
    }

    int person(int row) {
        return person[row];
    }

    double weight(int row) {
        return weight[row];
    }

    double value(int row) {
        return value[row];
    }

    /** Collects rows in any order. */
    public static final class Builder {
        private final int atoms;
        private int size;
        private int[] atom = new int[1024];
        private int[] person = new int[1024];
        private double[] weight = new double[1024];
        private double[] value = new double[1024];

        private Builder(int atoms) {
            if (atoms < 0) {
                throw new IllegalArgumentException("atoms must not be negative");
            }
            this.atoms = atoms;
        }

        /** A person's weight and value in an atom; a person with several rows in one atom has them added up. */
        public Builder add(int personId, int atomId, double w, double v) {
            if (atomId < 0 || atomId >= atoms) {
                throw new IllegalArgumentException("atom " + atomId + " is not in 0.." + (atoms - 1));
            }
            if (!(w > 0) || !(v >= 0) || v > w * (1 + 1e-9)) {
                throw new IllegalArgumentException("a row needs weight > 0 and 0 <= value <= weight, was " + v + " of " + w);
            }
            if (size == atom.length) {
                atom = Arrays.copyOf(atom, size * 2);
                person = Arrays.copyOf(person, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
                value = Arrays.copyOf(value, size * 2);
            }
            atom[size] = atomId;
            person[size] = personId;
            weight[size] = w;
            value[size] = Math.min(v, w);
            size++;
            return this;
        }

        public Microdata build() {
            int[] start = new int[atoms + 1];
            for (int i = 0; i < size; i++) {
                start[atom[i] + 1]++;
            }
            for (int a = 0; a < atoms; a++) {
                start[a + 1] += start[a];
            }
            int[] next = Arrays.copyOf(start, atoms);
            int[] p = new int[size];
            double[] w = new double[size];
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                int at = next[atom[i]]++;
                p[at] = person[i];
                w[at] = weight[i];
                v[at] = value[i];
            }
            return new Microdata(atoms, start, p, w, v);
        }
    }
}
