package se.kasam.platform.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The linear span of the shown cells' forms, and for every cell not shown its form reduced by that span: a cell is
 * determined by the shown figures exactly when its reduced form is zero. Exact arithmetic modulo the prime
 * 2^61 − 1 (the forms are small integer vectors; a false zero needs a minor divisible by that prime). The basis is
 * kept in echelon form on each vector's least coordinate; the watched forms are kept fully reduced, so that adding
 * one basis vector changes only the watched forms holding its pivot.
 */
final class Span {
    static final long P = (1L << 61) - 1;

    /** A growing list of cell numbers, unboxed (there are millions of entries). */
    private static final class Cells {
        int[] at = new int[2];
        int size;

        void add(int cell) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = cell;
        }
    }

    /** A sparse vector, coordinates ascending, no zero entries. */
    record Vec(int[] index, long[] value) {
        static final Vec ZERO = new Vec(new int[0], new long[0]);

        boolean isZero() {
            return index.length == 0;
        }

        int lead() {
            return index[0];
        }

        long at(int coordinate) {
            int i = Arrays.binarySearch(index, coordinate);
            return i >= 0 ? value[i] : 0;
        }
    }

    private final Vec[] pivot;
    private final Vec[] watched;
    private final Cells[] watchers; // by coordinate: the watched cells whose reduced form may hold it
    private final long[] acc;
    private final boolean[] touched;
    private final int[] seen;
    private int seenStamp;

    Span(int coordinates, int cells) {
        pivot = new Vec[coordinates];
        watched = new Vec[cells];
        watchers = new Cells[coordinates];
        for (int i = 0; i < coordinates; i++) {
            watchers[i] = new Cells();
        }
        acc = new long[coordinates];
        touched = new boolean[coordinates];
        seen = new int[cells];
    }

    static Vec of(Form form) {
        long[] value = new long[form.size()];
        int n = 0;
        int[] index = new int[form.size()];
        for (int i = 0; i < form.size(); i++) {
            long v = Math.floorMod(form.coefficients()[i], P);
            if (v != 0) {
                index[n] = form.coordinates()[i];
                value[n++] = v;
            }
        }
        return new Vec(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    /** Watches a cell's form from now on (before anything is shown). */
    void watch(int cell, Vec form) {
        Vec reduced = reduce(form);
        watched[cell] = reduced;
        for (int c : reduced.index()) {
            watchers[c].add(cell);
        }
    }

    /** A known cell is watched no more: its reduced form is let go (most of the memory a publication takes). */
    void forget(int cell) {
        watched[cell] = Vec.ZERO;
    }

    /** The cell's form reduced by the span; zero when the shown cells determine it. */
    Vec reduced(int cell) {
        return watched[cell];
    }

    /** The vector with every pivot coordinate eliminated. */
    Vec reduce(Vec v) {
        PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, v.index().length));
        for (int i = 0; i < v.index().length; i++) {
            acc[v.index()[i]] = v.value()[i];
            touched[v.index()[i]] = true;
            queue.add(v.index()[i]);
        }
        int[] index = new int[v.index().length];
        long[] value = new long[v.index().length];
        int n = 0;
        while (!queue.isEmpty()) {
            int c = queue.poll();
            long a = acc[c];
            acc[c] = 0;
            touched[c] = false;
            if (a == 0) {
                continue;
            }
            Vec b = pivot[c];
            if (b == null) {
                if (n == index.length) {
                    index = Arrays.copyOf(index, n * 2 + 4);
                    value = Arrays.copyOf(value, n * 2 + 4);
                }
                index[n] = c;
                value[n++] = a;
                continue;
            }
            // b's lead is 1 and all its other coordinates are above c
            for (int i = 1; i < b.index().length; i++) {
                int k = b.index()[i];
                acc[k] = sub(acc[k], mul(a, b.value()[i]));
                if (!touched[k]) {
                    touched[k] = true;
                    queue.add(k);
                }
            }
        }
        return new Vec(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    /**
     * What showing some vectors at once would add to the span, before it is done: the vectors reduced by the span
     * and by each other, so that the watched forms they would determine can be found without changing anything.
     */
    final class Step {
        private final List<Vec> basis = new ArrayList<>();
        private final java.util.Map<Integer, Vec> byLead = new java.util.HashMap<>();

        void add(Vec form) {
            Vec v = local(reduce(form));
            if (!v.isZero()) {
                Vec b = normalized(v);
                basis.add(b);
                byLead.put(b.lead(), b);
            }
        }

        boolean isEmpty() {
            return basis.isEmpty();
        }

        /** v, already reduced by the span, less whatever of it these vectors give. */
        private Vec local(Vec v) {
            while (!v.isZero()) {
                Vec b = null;
                for (int c : v.index()) {
                    b = byLead.get(c);
                    if (b != null) {
                        break;
                    }
                }
                if (b == null) {
                    return v;
                }
                v = subtract(v, v.at(b.lead()), b);
            }
            return v;
        }

        /** The watched cells, not yet known, that these vectors would determine. */
        List<Integer> determined(boolean[] known) {
            List<Integer> found = new ArrayList<>();
            seenStamp++;
            // a vector in their span has its coordinates among theirs
            for (Vec b : basis) {
                for (int c : b.index()) {
                    touched[c] = true;
                }
            }
            try {
                for (Vec b : basis) {
                    Cells holders = watchers[b.lead()];
                    int kept = 0;
                    for (int i = 0; i < holders.size; i++) {
                        int cell = holders.at[i];
                        Vec w = watched[cell];
                        if (known[cell] || seen[cell] == seenStamp || w.at(b.lead()) == 0) {
                            continue; // known or stale: dropped from the list
                        }
                        seen[cell] = seenStamp;
                        holders.at[kept++] = cell;
                        if (basis.size() == 1 ? proportional(w, b) : within(w) && local(w).isZero()) {
                            found.add(cell);
                        }
                    }
                    holders.size = kept;
                }
            } finally {
                for (Vec b : basis) {
                    for (int c : b.index()) {
                        touched[c] = false;
                    }
                }
            }
            return found;
        }

        private boolean within(Vec w) {
            for (int c : w.index()) {
                if (!touched[c]) {
                    return false;
                }
            }
            return true;
        }

        /** Adds the vectors to the span, in the order found (each is free of the pivots before it). */
        void commit(boolean[] known) {
            for (Vec b : basis) {
                Span.this.add(reduce(b), known); // free of the pivots added before it, now in the span
            }
        }
    }

    Step step() {
        return new Step();
    }

    private static Vec normalized(Vec r) {
        long inv = inverse(r.value()[0]);
        long[] value = new long[r.value().length];
        for (int i = 0; i < value.length; i++) {
            value[i] = mul(r.value()[i], inv);
        }
        return new Vec(r.index(), value);
    }

    /** Whether w is a multiple of b, whose first value is 1 (normalized). */
    private static boolean proportional(Vec w, Vec b) {
        if (w.index().length != b.index().length || w.lead() != b.lead()) {
            return false;
        }
        long f = w.value()[0];
        for (int i = 0; i < w.index().length; i++) {
            if (w.index()[i] != b.index()[i] || w.value()[i] != mul(f, b.value()[i])) {
                return false;
            }
        }
        return true;
    }

    /** Adds a vector free of every pivot to the span, reducing the watched forms that hold its new pivot. */
    private void add(Vec r, boolean[] known) {
        if (r.isZero()) {
            return;
        }
        Vec b = normalized(r);
        int q = b.lead();
        pivot[q] = b;
        Cells holders = watchers[q];
        watchers[q] = new Cells();
        for (int i = 0; i < holders.size; i++) {
            int cell = holders.at[i];
            Vec w = watched[cell];
            long a = w.at(q);
            if (known[cell] || a == 0) {
                continue; // known cells are no longer watched; or a stale entry
            }
            Vec next = subtract(w, a, b);
            watched[cell] = next;
            // the coordinates new to it (both sorted: one walk)
            int j = 0;
            for (int c : next.index()) {
                while (j < w.index().length && w.index()[j] < c) {
                    j++;
                }
                if (j == w.index().length || w.index()[j] != c) {
                    watchers[c].add(cell);
                }
            }
        }
    }

    static Vec sum(Vec a, Vec b) {
        return subtract(a, P - 1, b);
    }

    /** w − a·b, merged. */
    private static Vec subtract(Vec w, long a, Vec b) {
        int[] index = new int[w.index().length + b.index().length];
        long[] value = new long[index.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < w.index().length || j < b.index().length) {
            int ci = i < w.index().length ? w.index()[i] : Integer.MAX_VALUE;
            int cj = j < b.index().length ? b.index()[j] : Integer.MAX_VALUE;
            long v;
            int c;
            if (ci < cj) {
                c = ci;
                v = w.value()[i++];
            } else if (cj < ci) {
                c = cj;
                v = sub(0, mul(a, b.value()[j++]));
            } else {
                c = ci;
                v = sub(w.value()[i++], mul(a, b.value()[j++]));
            }
            if (v != 0) {
                index[n] = c;
                value[n++] = v;
            }
        }
        return new Vec(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    static long mul(long a, long b) {
        // a, b < 2^61: the 122-bit product folded twice by 2^61 ≡ 1
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61);
        return r >= P ? r - P : r;
    }

    static long sub(long a, long b) {
        long r = a - b;
        return r < 0 ? r + P : r;
    }

    static long inverse(long a) {
        long result = 1;
        long base = a;
        for (long e = P - 2; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = mul(result, base);
            }
            base = mul(base, base);
        }
        return result;
    }
}
