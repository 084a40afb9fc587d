package se.kasam.survey.rules;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/**
 * The change of a score from a baseline to a follow-up (Lakens 2013): paired, over the people who answered both —
 * mean difference with its t-based 95 % CI, the paired t-test, Wilcoxon's signed-rank test with Pratt's handling of
 * zero differences (normal approximation with tie correction, as SciPy's), d_z and d_av with Hedges' correction —
 * and unpaired, from each round's own figures: Welch's test (approximate where the rounds share people) and d_av.
 */
public final class Change {
    private Change() {
    }

    public record Paired(long n, double meanDifference, double sdDifference, double ciLow, double ciHigh,
                         double t, double df, double pValue, double wilcoxonW, double wilcoxonPValue,
                         double dz, double gz, double dav, double gav) {
    }

    public record Unpaired(double meanDifference, double ciLow, double ciHigh, double t, double df, double pValue,
                           double dav, double gav) {
    }

    /** @param before and after one person each, in the same order; at least 2 */
    public static Paired paired(double[] before, double[] after) {
        int n = before.length;
        if (n < 2 || after.length != n) {
            throw new IllegalArgumentException("a paired comparison needs two or more pairs");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = after[i] - before[i];
        }
        double mean = mean(d);
        double sd = sd(d, mean);
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        // with every difference the same there is no spread to test against: no t, no p (the CI is the point)
        double[] test = sd > 0 ? tTest(d) : new double[]{Double.NaN, n - 1, Double.NaN};
        double[] w = wilcoxonPratt(d);
        double dz = sd > 0 ? mean / sd : Double.NaN;
        double meanSd = (sd(before, mean(before)) + sd(after, mean(after))) / 2;
        double dav = meanSd > 0 ? mean / meanSd : Double.NaN;
        double j = hedges(n - 1);
        return new Paired(n, mean, sd, mean - half, mean + half, test[0], test[1], test[2], w[0], w[1], dz, dz * j, dav,
                dav * j);
    }

    /** From each round's n, mean and SD: follow-up less baseline. */
    public static Unpaired unpaired(long n1, double mean1, double sd1, long n2, double mean2, double sd2) {
        double v1 = sd1 * sd1;
        double v2 = sd2 * sd2;
        double difference = mean2 - mean1;
        double meanSd = (sd1 + sd2) / 2;
        double dav = meanSd > 0 ? difference / meanSd : Double.NaN;
        double gav = dav * hedges(n1 + n2 - 2);
        if (!(v1 + v2 > 0)) { // no spread in either round: nothing to test against
            return new Unpaired(difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, dav, gav);
        }
        TTest.Result t = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(mean2, v2, n2, mean1, v1, n1);
        double se = Math.sqrt(v1 / n1 + v2 / n2);
        double half = TDistribution.of(t.getDegreesOfFreedom()).inverseCumulativeProbability(0.975) * se;
        return new Unpaired(difference, difference - half, difference + half, t.getStatistic(), t.getDegreesOfFreedom(),
                t.getPValue(), dav, gav);
    }

    private static double[] tTest(double[] d) {
        TTest.Result t = TTest.withDefaults().test(d);
        return new double[]{t.getStatistic(), t.getDegreesOfFreedom(), t.getPValue()};
    }

    /** Hedges' small-sample correction for a d with these degrees of freedom. */
    static double hedges(double df) {
        return 1 - 3 / (4 * df - 1);
    }

    /** W+ (the sum of the positive differences' ranks) and its two-sided p-value; zeros ranked, then dropped. */
    static double[] wilcoxonPratt(double[] d) {
        int n = d.length;
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).apply(Arrays.stream(d).map(Math::abs).toArray());
        int zeros = 0;
        double plus = 0;
        int kept = 0;
        double[] nonZero = new double[n];
        for (int i = 0; i < n; i++) {
            if (d[i] == 0) {
                zeros++;
            } else {
                nonZero[kept++] = ranks[i];
                plus += d[i] > 0 ? ranks[i] : 0;
            }
        }
        double mean = (n * (n + 1.0) - zeros * (zeros + 1.0)) / 4;
        double variance = n * (n + 1.0) * (2 * n + 1) - zeros * (zeros + 1.0) * (2 * zeros + 1);
        double[] sorted = Arrays.copyOf(nonZero, kept);
        Arrays.sort(sorted);
        for (int i = 0; i < kept; ) {
            int j = i;
            while (j < kept && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            variance -= 0.5 * t * (t * t - 1);
            i = j;
        }
        double se = Math.sqrt(variance / 24);
        if (se == 0) {
            return new double[]{plus, 1};
        }
        double z = (plus - mean) / se;
        return new double[]{plus, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z))};
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    private static double sd(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
