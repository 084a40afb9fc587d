package se.kasam.sickleave.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.kasam.platform.disclosure.Cell;
import se.kasam.platform.disclosure.Derivation;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Protection;
import se.kasam.platform.disclosure.Reason;
import se.kasam.sickleave.rules.KeyFigures.Figure;
import se.kasam.sickleave.rules.KeyFigures.Key;
import se.kasam.sickleave.rules.YearPublication.PublishedCell;

/**
 * The seven key figures of one unit row for a period, answered from the published cells only. A period that is a
 * time cell is that cell, shown or hidden as published. Any other period is a figure of its own, shown only if it
 * follows from the cells shown (year by year, a combination of the shown time cells of the same row and group) and
 * the primary rule allows it; otherwise {@link Reason#NOT_DERIVABLE}.
 */
public final class PublishedFigures {
    /** Head counts of the period's groups (for a period that is not one cell): heads, contributors, long-term. */
    public record Heads(Map<Key, int[]> byKey) {
        int[] of(Key key) {
            return byKey.getOrDefault(key, new int[3]);
        }
    }

    private final Map<Integer, Map<String, PublishedCell>> byYear;
    private final Policy policy;

    /** @param byYear each year's published cells of the row, keyed by {@link #key} */
    public PublishedFigures(Map<Integer, Map<String, PublishedCell>> byYear, Policy policy) {
        this.byYear = byYear;
        this.policy = policy;
    }

    public static String key(String period, Key figure) {
        return period + "|" + figure;
    }

    /** The head count of the period's everyone: the cell's, or heads' for another period. */
    public int employees(YearMonth from, YearMonth to, Supplier<Heads> heads) {
        TimeCell cell = TimeCell.of(from, to);
        PublishedCell published = cell == null ? null : cell(from.getYear(), cell, Key.TOTAL);
        return published != null ? published.heads() : heads.get().of(Key.TOTAL)[0];
    }

    public List<Figure> figures(YearMonth from, YearMonth to, Supplier<Heads> heads) {
        TimeCell cell = TimeCell.of(from, to);
        List<Figure> figures = new ArrayList<>();
        Figure total = null;
        for (Key key : Key.values()) {
            if (key == Key.LONG_TERM_SHARE) {
                continue;
            }
            PublishedCell published = cell == null ? null : cell(from.getYear(), cell, key);
            Figure figure = published != null ? direct(key, published) : derived(key, from, to, heads.get());
            figures.add(figure);
            if (key == Key.TOTAL) {
                total = figure;
            }
        }
        PublishedCell published = cell == null ? null : cell(from.getYear(), cell, Key.TOTAL);
        figures.add(1, published != null ? longTermShare(published) : derivedLongTermShare(from, to, heads.get(), total));
        return figures;
    }

    private PublishedCell cell(int year, TimeCell time, Key key) {
        return byYear.getOrDefault(year, Map.of()).get(key(time.code(), key));
    }

    private static Figure direct(Key key, PublishedCell c) {
        return new Figure(key, c.heads(), c.reason() == null ? percent(c.sick(), c.ordinary()) : null, c.reason());
    }

    private static Figure longTermShare(PublishedCell c) {
        return new Figure(Key.LONG_TERM_SHARE, c.heads(), c.longReason() == null ? percent(c.longTerm(), c.sick()) : null,
                c.longReason());
    }

    private Figure derived(Key key, YearMonth from, YearMonth to, Heads heads) {
        int[] h = heads.of(key);
        Reason reason = Protection.primary(new Cell(new int[0], h[0], h[1]), policy);
        if (reason != null) {
            return new Figure(key, h[0], null, reason);
        }
        double[] sums = combine(key, from, to, false);
        return sums == null ? new Figure(key, h[0], null, Reason.NOT_DERIVABLE)
                : new Figure(key, h[0], percent(sums[1], sums[0]), null);
    }

    private Figure derivedLongTermShare(YearMonth from, YearMonth to, Heads heads, Figure total) {
        int[] h = heads.of(Key.TOTAL);
        Reason reason = Protection.primary(new Cell(new int[0], h[0], h[2]), policy);
        if (reason == null && total.suppressed() != null) {
            reason = Reason.COMPLEMENTARY; // a share of a hidden total would be a figure of its own
        }
        if (reason != null) {
            return new Figure(Key.LONG_TERM_SHARE, h[0], null, reason);
        }
        double[] sums = combine(Key.TOTAL, from, to, true);
        return sums == null ? new Figure(Key.LONG_TERM_SHARE, h[0], null, Reason.NOT_DERIVABLE)
                : new Figure(Key.LONG_TERM_SHARE, h[0], percent(sums[2], sums[1]), null);
    }

    /** Ordinary, sick and long-term hours of the period from the shown cells, year by year; null if they do not add up. */
    private double[] combine(Key key, YearMonth from, YearMonth to, boolean longTerm) {
        double[] sums = new double[3];
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            int first = year == from.getYear() ? from.getMonthValue() : 1;
            int last = year == to.getYear() ? to.getMonthValue() : 12;
            Map<String, PublishedCell> cells = byYear.getOrDefault(year, Map.of());
            List<boolean[]> vectors = new ArrayList<>();
            List<PublishedCell> used = new ArrayList<>();
            for (TimeCell time : TimeCell.ALL) {
                PublishedCell c = cells.get(key(time.code(), key));
                if (c != null && c.reason() == null && (!longTerm || c.longReason() == null)) {
                    boolean[] months = new boolean[12];
                    for (int m = time.firstMonth(); m <= time.lastMonth(); m++) {
                        months[m - 1] = true;
                    }
                    vectors.add(months);
                    used.add(c);
                }
            }
            boolean[] target = new boolean[12];
            for (int m = first; m <= last; m++) {
                target[m - 1] = true;
            }
            double[] x = Derivation.of(vectors, target);
            if (x == null) {
                return null;
            }
            for (int i = 0; i < x.length; i++) {
                sums[0] += x[i] * used.get(i).ordinary();
                sums[1] += x[i] * used.get(i).sick();
                sums[2] += x[i] * used.get(i).longTerm();
            }
        }
        return sums;
    }

    static Double percent(double numerator, double denominator) {
        return denominator <= 1e-9 ? 0.0 : Math.round(numerator / denominator * 10_000) / 100.0;
    }
}
