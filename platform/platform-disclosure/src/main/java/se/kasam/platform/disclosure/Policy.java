package se.kasam.platform.disclosure;

/**
 * The privacy policy a publication is protected with.
 *
 * @param threshold          a group of this many persons or fewer is never shown, nor follows from what is shown
 *                           (10 for sick leave, by statute; 5 for the staff survey)
 * @param minContributors    a figure to which fewer persons than this contribute a non-zero value is not shown
 *                           (2: a figure that one person makes up can be traced to them); 0 or 1 for none. A figure
 *                           of nothing (no contributor) is no one's, but it tells what each member had
 * @param protectionInterval what an attacker may at best learn of a protected group's rate (value ÷ weight, between
 *                           0 and 1): an interval at least this wide. 0.05 is five percentage points.
 */
public record Policy(int threshold, int minContributors, double protectionInterval) {
    public Policy {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        if (minContributors < 0) {
            throw new IllegalArgumentException("minContributors must not be negative, was " + minContributors);
        }
        if (!(protectionInterval >= 0 && protectionInterval < 1)) {
            throw new IllegalArgumentException("protectionInterval must be in [0, 1), was " + protectionInterval);
        }
    }
}
