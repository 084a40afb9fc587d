package se.kasam.platform.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The atoms split by which of the shown cells hold them. Atoms in the same shown cells form a region; every shown
 * cell is a union of regions, so an attacker who combines shown figures in any way learns at most each region's
 * total, never how a region's total divides. A region held by no shown cell is unknown altogether.
 *
 * <p>A region is safe when, even knowing its total, nothing protected in it is pinned. It has more than
 * {@code threshold} persons (so no small group is a union of regions, and none is determined) and, unless none,
 * at least {@code minContributors} contributors. And the protected groups — the cells of at most {@code threshold}
 * persons, hidden by the primary rule, and so every union of them of so few persons — cannot be narrowed: for the
 * largest share f of the region's weight that so few persons of protected atoms hold, the rate of that share can
 * only be bounded by [max(0, (r − (1 − f)) / f), min(1, r / f)], r being the region's rate, and that must be at
 * least the protection interval wide. A protected group never holds a whole region, so each of its parts lies in a
 * region with other persons; its rate's interval, a weighted mean of its parts' intervals, is as wide.
 *
 * <p>Showing a cell only ever splits regions (its atoms get a new signature), so {@link #tryShow} checks the parts.
 */
final class Regions {
    private static final double EPS = 1e-9;

    private final Microdata data;
    private final Policy policy;
    private final int[] regionOf;
    private final boolean[] guarded;
    private final List<Region> regions = new ArrayList<>();

    /** A region's persons and sums; an unknown region keeps no persons. */
    private static final class Region {
        int atoms;
        boolean known;
        PersonTotals persons;
        double weight;
        double value;
        int heads;
        int contributors;
        double maxGuarded; // at least the largest person's weight in protected atoms (splitting only lowers it)
    }

    /** A part of a region, computed before it is known whether the cell can be shown. */
    private record Split(int region, int[] atoms, Region part, boolean whole) {
    }

    /** @param guarded the atoms of the protected groups */
    Regions(Microdata data, Policy policy, boolean[] guarded) {
        this.data = data;
        this.policy = policy;
        this.guarded = guarded;
        this.regionOf = new int[data.atoms()];
        Region unknown = new Region();
        unknown.atoms = data.atoms();
        regions.add(unknown);
    }

    /**
     * Shows the cell if every region it splits leaves safe parts; otherwise changes nothing.
     *
     * @param commit false to only ask
     */
    boolean tryShow(int[] cell, boolean commit) {
        List<Split> splits = new ArrayList<>();
        for (int[] group : byRegion(cell)) {
            int r = regionOf[group[0]];
            Region region = regions.get(r);
            boolean whole = group.length == region.atoms;
            if (region.known && whole) {
                continue; // the region is a part of one more shown cell: nothing new follows
            }
            Region part = part(group);
            if (!safe(part)) {
                return false;
            }
            if (region.known && !safeRest(region, part)) {
                return false;
            }
            splits.add(new Split(r, group, part, whole));
        }
        if (commit) {
            splits.forEach(this::apply);
        }
        return true;
    }

    private void apply(Split split) {
        Region region = regions.get(split.region());
        if (split.whole()) {
            Region part = split.part();
            part.atoms = region.atoms;
            regions.set(split.region(), part);
            return;
        }
        int id = regions.size();
        Region part = split.part();
        part.atoms = split.atoms().length;
        regions.add(part);
        for (int atom : split.atoms()) {
            regionOf[atom] = id;
        }
        region.atoms -= split.atoms().length;
        if (region.known) {
            subtract(region, part);
        }
    }

    /** The cell's atoms grouped by region, each group sorted. */
    private List<int[]> byRegion(int[] cell) {
        long[] keyed = new long[cell.length];
        for (int i = 0; i < cell.length; i++) {
            keyed[i] = ((long) regionOf[cell[i]] << 32) | (cell[i] & 0xffffffffL);
        }
        Arrays.sort(keyed);
        List<int[]> groups = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= keyed.length; i++) {
            if (i == keyed.length || keyed[i] >>> 32 != keyed[from] >>> 32) {
                int[] group = new int[i - from];
                for (int k = from; k < i; k++) {
                    group[k - from] = (int) keyed[k];
                }
                groups.add(group);
                from = i;
            }
        }
        return groups;
    }

    private Region part(int[] atoms) {
        int rows = 0;
        for (int atom : atoms) {
            rows += data.end(atom) - data.first(atom);
        }
        Region part = new Region();
        part.known = true;
        part.persons = new PersonTotals(rows);
        for (int atom : atoms) {
            for (int row = data.first(atom); row < data.end(atom); row++) {
                part.persons.add(data.person(row), data.weight(row), data.value(row), guarded[atom] ? data.weight(row) : 0);
                part.weight += data.weight(row);
                part.value += data.value(row);
            }
        }
        PersonTotals p = part.persons;
        for (int slot = 0; slot < p.capacity(); slot++) {
            if (p.used(slot)) {
                part.heads++;
                if (p.value(slot) > EPS) {
                    part.contributors++;
                }
                part.maxGuarded = Math.max(part.maxGuarded, p.guarded(slot));
            }
        }
        return part;
    }

    private boolean safe(Region part) {
        return part.heads == 0 || safe(part.heads, part.contributors, part.weight, part.value, topWeight(part.persons, null));
    }

    /** Whether what is left of a known region once part is taken out of it is safe, without changing the region. */
    private boolean safeRest(Region region, Region part) {
        int leaving = 0;
        int stopContributing = 0;
        PersonTotals p = part.persons;
        for (int slot = 0; slot < p.capacity(); slot++) {
            if (p.used(slot)) {
                int at = region.persons.find(p.person(slot));
                double left = region.persons.weight(at) - p.weight(slot);
                if (gone(left, region.persons.weight(at))) {
                    leaving++;
                }
                double valueLeft = region.persons.value(at) - p.value(slot);
                if (region.persons.value(at) > EPS && valueLeft <= EPS * Math.max(1, region.persons.value(at))) {
                    stopContributing++;
                }
            }
        }
        int heads = region.heads - leaving;
        if (heads == 0) {
            return true;
        }
        int contributors = region.contributors - stopContributing;
        double weight = region.weight - part.weight;
        double value = Math.max(0, region.value - part.value);
        // the n largest weights of the rest are at most n times the region's largest: enough where the rest is large
        double bound = Math.min(weight, policy.threshold() * region.maxGuarded);
        return safe(heads, contributors, weight, value, bound)
                || safe(heads, contributors, weight, value, topWeight(region.persons, part.persons));
    }

    private boolean safe(int heads, int contributors, double weight, double value, double topWeight) {
        if (heads <= policy.threshold() || contributors > 0 && contributors < policy.minContributors()) {
            return false;
        }
        if (topWeight <= EPS) {
            return true; // no protected group in it
        }
        double rate = Math.min(1, Math.max(0, value / weight));
        double share = Math.min(1, topWeight / weight);
        double high = Math.min(1, rate / share);
        double low = Math.max(0, (rate - (1 - share)) / share);
        return high - low >= policy.protectionInterval() - EPS;
    }

    /** The sum of the threshold's number of largest person weights in protected atoms, of totals less minus. */
    private double topWeight(PersonTotals totals, PersonTotals minus) {
        int n = policy.threshold();
        PriorityQueue<Double> top = new PriorityQueue<>(n + 1);
        for (int slot = 0; slot < totals.capacity(); slot++) {
            if (totals.used(slot)) {
                double w = totals.guarded(slot);
                if (minus != null) {
                    int at = minus.find(totals.person(slot));
                    if (at >= 0) {
                        w -= minus.guarded(at);
                    }
                }
                if (w > EPS && (top.size() < n || w > top.peek())) {
                    top.add(w);
                    if (top.size() > n) {
                        top.poll();
                    }
                }
            }
        }
        return top.stream().mapToDouble(Double::doubleValue).sum();
    }

    private void subtract(Region region, Region part) {
        PersonTotals p = part.persons;
        for (int slot = 0; slot < p.capacity(); slot++) {
            if (p.used(slot)) {
                int at = region.persons.find(p.person(slot));
                boolean contributed = region.persons.value(at) > EPS;
                double before = region.persons.weight(at);
                region.persons.subtract(at, p.weight(slot), p.value(slot), p.guarded(slot));
                if (gone(region.persons.weight(at), before)) {
                    region.heads--;
                }
                if (contributed && region.persons.value(at) <= EPS * Math.max(1, before)) {
                    region.contributors--;
                }
            }
        }
        region.weight -= part.weight;
        region.value = Math.max(0, region.value - part.value);
    }

    private static boolean gone(double left, double before) {
        return left <= EPS * Math.max(1, before);
    }
}
