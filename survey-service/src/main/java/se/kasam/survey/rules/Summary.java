package se.kasam.survey.rules;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * n, mean, SD and the t-based 95 % confidence interval of the mean, from sums that add up over groups (the cells of a
 * publication are sums of their atoms), and for an item the count of each answer.
 */
public final class Summary {
    private long n;
    private double sum;
    private double squares;
    private final long[] counts;
    private final int min;

    /** @param min the lowest answer and {@code options} the number of answers, for a distribution; 0 options for none */
    public Summary(int min, int options) {
        this.min = min;
        this.counts = new long[options];
    }

    public void add(double value) {
        n++;
        sum += value;
        squares += value * value;
        if (counts.length > 0) {
            counts[(int) Math.round(value) - min]++;
        }
    }

    public void add(Summary other) {
        n += other.n;
        sum += other.sum;
        squares += other.squares;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long n() {
        return n;
    }

    /** The figures; SD and CI need two values at least. */
    public Figures figures() {
        if (n == 0) {
            return new Figures(0, null, null, null, null, counts.length == 0 ? null : counts.clone());
        }
        double mean = sum / n;
        if (n == 1) {
            return new Figures(1, mean, null, null, null, counts.length == 0 ? null : counts.clone());
        }
        double sd = Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Figures(n, mean, sd, mean - half, mean + half, counts.length == 0 ? null : counts.clone());
    }

    /**
     * @param distribution how many gave each answer, from the scale's lowest up (items only)
     */
    public record Figures(long n, Double mean, Double sd, Double ciLow, Double ciHigh, long[] distribution) {
    }
}
