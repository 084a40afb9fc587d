package se.kasam.sickleave.rules;

/**
 * The sums behind the key figures for one group of employees over a period: head counts (everyone with ordinary
 * hours, those with sick hours, those with long-term hours, each also by age band) and hours by age band.
 * Hours add up across parts; head counts of parts of one period add up too, but across periods (months whose
 * employees were purged) only their maximum is known, which is a lower bound.
 */
public record GroupTotals(int heads, int sickHeads, int longHeads, int[] bandHeads, int[] bandSickHeads,
                          double[] ordinary, double[] sick, double longTerm) {

    public static final GroupTotals NONE = new GroupTotals(0, 0, 0, new int[3], new int[3], new double[3], new double[3], 0);

    /** Two disjoint groups of the same period (women and men, two units). */
    public GroupTotals plus(GroupTotals o) {
        return new GroupTotals(heads + o.heads, sickHeads + o.sickHeads, longHeads + o.longHeads,
                add(bandHeads, o.bandHeads), add(bandSickHeads, o.bandSickHeads), add(ordinary, o.ordinary),
                add(sick, o.sick), longTerm + o.longTerm);
    }

    /** The same group in two periods: hours add up, head counts are at least the larger of the two. */
    public GroupTotals andLater(GroupTotals o) {
        return new GroupTotals(Math.max(heads, o.heads), Math.max(sickHeads, o.sickHeads),
                Math.max(longHeads, o.longHeads), max(bandHeads, o.bandHeads), max(bandSickHeads, o.bandSickHeads),
                add(ordinary, o.ordinary), add(sick, o.sick), longTerm + o.longTerm);
    }

    public double ordinaryHours() {
        return ordinary[0] + ordinary[1] + ordinary[2];
    }

    public double sickHours() {
        return sick[0] + sick[1] + sick[2];
    }

    private static int[] add(int[] a, int[] b) {
        return new int[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static int[] max(int[] a, int[] b) {
        return new int[]{Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])};
    }

    private static double[] add(double[] a, double[] b) {
        return new double[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }
}
