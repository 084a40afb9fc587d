package se.kasam.survey.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.kasam.survey.rules.InstrumentDefinition.Item;
import se.kasam.survey.rules.InstrumentDefinition.Method;
import se.kasam.survey.rules.InstrumentDefinition.Subscale;

/**
 * Scores one response to one instrument: the total over every scale item and each subscale, reversed items turned
 * round (min + max − answer), missing items prorated (the mean of the answered items stands in for them) as long as
 * no more are missing than the scoring allows; a total also needs every subscale valid. Each score keeps how many
 * items it was made of.
 */
public final class Scoring {
    public static final String TOTAL = "TOTAL";

    private Scoring() {
    }

    /**
     * @param value    the score, or null when too many items are missing
     * @param index    the score on 0–100 of its range, where the instrument defines an index
     * @param answered how many of its items were answered
     * @param items    how many items it has
     */
    public record Score(String measure, Double value, Double index, int answered, int items) {
        public boolean valid() {
            return value != null;
        }
    }

    /** A measure's possible range: what its items' scales allow. */
    public record Range(double min, double max) {
    }

    /** @return the total first, then each subscale in order */
    public static List<Score> score(InstrumentDefinition d, Map<String, Integer> answers) {
        List<Score> scores = new ArrayList<>();
        List<Score> subscales = new ArrayList<>();
        for (Subscale s : subscales(d)) {
            int allowed = s.maxMissing() != null ? s.maxMissing() : d.scoring().subscaleMaxMissing();
            subscales.add(score(d, s.id(), items(d, s), answers, allowed));
        }
        Score total = score(d, TOTAL, d.scaleItems(), answers, d.scoring().maxMissing());
        if (total.valid() && subscales.stream().anyMatch(s -> !s.valid())) {
            total = new Score(TOTAL, null, null, total.answered(), total.items());
        }
        scores.add(total);
        scores.addAll(subscales);
        return scores;
    }

    /** The measures an instrument is scored on, total first, each with its range. */
    public static Map<String, Range> ranges(InstrumentDefinition d) {
        Map<String, Range> ranges = new LinkedHashMap<>();
        ranges.put(TOTAL, range(d, d.scaleItems()));
        for (Subscale s : subscales(d)) {
            ranges.put(s.id(), range(d, items(d, s)));
        }
        return ranges;
    }

    private static Score score(InstrumentDefinition d, String measure, List<Item> items, Map<String, Integer> answers,
                               int allowedMissing) {
        double sum = 0;
        int answered = 0;
        for (Item item : items) {
            Integer a = answers.get(item.id());
            if (a != null) {
                sum += item.reversed() ? item.scale().min() + item.scale().max() - a : a;
                answered++;
            }
        }
        if (answered == 0 || items.size() - answered > allowedMissing) {
            return new Score(measure, null, null, answered, items.size());
        }
        double mean = sum / answered;
        double value = d.scoring().method() == Method.SUM ? mean * items.size() : mean;
        Range range = range(d, items);
        Double index = d.scoring().index() ? (value - range.min()) / (range.max() - range.min()) * 100 : null;
        return new Score(measure, value, index, answered, items.size());
    }

    private static Range range(InstrumentDefinition d, List<Item> items) {
        double min = items.stream().mapToInt(i -> i.scale().min()).sum();
        double max = items.stream().mapToInt(i -> i.scale().max()).sum();
        return d.scoring().method() == Method.SUM ? new Range(min, max) : new Range(min / items.size(), max / items.size());
    }

    private static List<Subscale> subscales(InstrumentDefinition d) {
        return d.subscales() == null ? List.of() : d.subscales();
    }

    private static List<Item> items(InstrumentDefinition d, Subscale s) {
        return s.items().stream().map(d::item).toList();
    }
}
