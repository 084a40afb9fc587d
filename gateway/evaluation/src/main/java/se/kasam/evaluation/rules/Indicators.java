package se.kasam.evaluation.rules;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.kasam.evaluation.config.EvaluationConfig;
import se.kasam.evaluation.mapping.EvaluationReport;
import se.kasam.evaluation.mapping.EvaluationReport.AimResult;
import se.kasam.evaluation.mapping.EvaluationReport.IndicatorValue;
import se.kasam.evaluation.mapping.EvaluationReport.Outcome;

/**
 * The ESF indicators read off the report's sections, and the aims measured against them. A value that cannot be
 * read (its section unavailable, its figure suppressed or missing) says why and is never taken as nought.
 */
public final class Indicators {
    static final String UNAVAILABLE = "section unavailable";

    private Indicators() {
    }

    /** A value, or why there is none. */
    record Measured(Double value, String missing) {
        static Measured of(double value) {
            return new Measured(value, null);
        }

        static Measured none(String why) {
            return new Measured(null, why);
        }
    }

    public static List<IndicatorValue> measure(EvaluationReport.Participation participation, EvaluationReport.Survey survey,
                                               EvaluationReport.SickLeave sickLeave) {
        Map<Indicator, Measured> values = new EnumMap<>(Indicator.class);
        participation(values, participation);
        survey(values, survey);
        sickLeave(values, sickLeave);
        return values.entrySet().stream().map(e -> new IndicatorValue(e.getKey(), e.getKey().label(), e.getValue().value(),
                e.getKey().unit(), e.getValue().missing())).toList();
    }

    public static List<AimResult> aims(List<EvaluationConfig.Target> targets, List<IndicatorValue> values) {
        return targets.stream().map(t -> {
            IndicatorValue v = values.stream().filter(i -> i.indicator() == t.indicator()).findFirst().orElseThrow();
            Outcome outcome = v.value() == null ? Outcome.NOT_AVAILABLE
                    : (t.comparison() == EvaluationConfig.Comparison.AT_LEAST ? v.value() >= t.value() : v.value() <= t.value())
                    ? Outcome.MET : Outcome.NOT_MET;
            return new AimResult(t.aim(), t.indicator(), t.indicator().label(), t.comparison(), t.value(), v.value(),
                    t.indicator().unit(), outcome);
        }).toList();
    }

    /** Women and men taking part: those with participant hours over the programme. */
    public static EvaluationReport.Participants participants(EvaluationReport.Participation participation) {
        if (participation == null) {
            return new EvaluationReport.Participants(null, null, null, UNAVAILABLE);
        }
        Integer women = hours(participation, "FEMALE").map(EvaluationReport.Hours::participants).orElse(null);
        Integer men = hours(participation, "MALE").map(EvaluationReport.Hours::participants).orElse(null);
        Integer all = hours(participation, "ALL").map(EvaluationReport.Hours::participants).orElse(null);
        return new EvaluationReport.Participants(women, men, all,
                women == null || men == null || all == null ? "suppressed: too few to show" : null);
    }

    private static void participation(Map<Indicator, Measured> values, EvaluationReport.Participation p) {
        for (Indicator i : List.of(Indicator.REACHED_SHARE, Indicator.ALL_THREE_SHARE, Indicator.ALL_THREE_SHARE_WOMEN,
                Indicator.ALL_THREE_SHARE_MEN, Indicator.TRIO_GROUPS_MEETING_SHARE, Indicator.PARTICIPANT_HOURS,
                Indicator.CO_FINANCING_SEK)) {
            values.put(i, Measured.none(UNAVAILABLE));
        }
        if (p == null) {
            return;
        }
        values.put(Indicator.REACHED_SHARE, completion(p, "ALL").map(c -> c.suppressed() != null
                ? Measured.none("suppressed: " + c.suppressed())
                : c.staff() == 0 ? Measured.none("no staff") : Measured.of(percent(c.reached(), c.staff())))
                .orElse(Measured.none("missing")));
        values.put(Indicator.ALL_THREE_SHARE, allThree(p, "ALL"));
        values.put(Indicator.ALL_THREE_SHARE_WOMEN, allThree(p, "FEMALE"));
        values.put(Indicator.ALL_THREE_SHARE_MEN, allThree(p, "MALE"));
        values.put(Indicator.TRIO_GROUPS_MEETING_SHARE, p.trioGroups().formed() == 0 ? Measured.none("no trio groups formed")
                : Measured.of(percent(p.trioGroups().meeting(), p.trioGroups().formed())));
        Optional<EvaluationReport.Hours> all = hours(p, "ALL");
        values.put(Indicator.PARTICIPANT_HOURS, all.filter(h -> h.hours() != null).map(h -> Measured.of(h.hours().doubleValue()))
                .orElse(Measured.none("suppressed: too few to show")));
        values.put(Indicator.CO_FINANCING_SEK, all.filter(h -> h.coFinancingSek() != null)
                .map(h -> Measured.of(h.coFinancingSek().doubleValue())).orElse(Measured.none("suppressed: too few to show")));
    }

    private static Measured allThree(EvaluationReport.Participation p, String group) {
        return completion(p, group).map(c -> {
            if (c.suppressed() != null) {
                return Measured.none("suppressed: " + c.suppressed());
            }
            if (c.staff() == 0) {
                return Measured.none("no staff");
            }
            int last = p.modules().size();
            return c.done().stream().filter(d -> d.modulesDone() == last).findFirst()
                    .map(d -> Measured.of(percent(d.employees(), c.staff()))).orElse(Measured.none("missing"));
        }).orElse(Measured.none("missing"));
    }

    private static void survey(Map<Indicator, Measured> values, EvaluationReport.Survey s) {
        for (Indicator i : List.of(Indicator.FOLLOW_UP_RESPONSE_RATE, Indicator.SOC13_CHANGE, Indicator.SOC13_CHANGE_WOMEN,
                Indicator.HME_INDEX_CHANGE)) {
            values.put(i, Measured.none(s == null ? UNAVAILABLE : "missing: " + s.missing()));
        }
        if (s == null || s.missing() != null) {
            return;
        }
        s.responseRates().stream().filter(r -> r.round().equals(s.followUp().name())).findFirst().ifPresent(r ->
                values.put(Indicator.FOLLOW_UP_RESPONSE_RATE, r.rate() == null ? Measured.none("suppressed: " + r.suppressed())
                        : Measured.of(round1(100 * r.rate()))));
        values.put(Indicator.SOC13_CHANGE, change(s, "SOC-13", "ALL", false));
        values.put(Indicator.SOC13_CHANGE_WOMEN, change(s, "SOC-13", "FEMALE", false));
        values.put(Indicator.HME_INDEX_CHANGE, change(s, "HME", "ALL", true));
    }

    private static Measured change(EvaluationReport.Survey s, String instrument, String group, boolean index) {
        return s.changes().stream().filter(c -> c.instrument().equals(instrument) && c.measure().equals("TOTAL")
                        && c.group().equals(group)).findFirst()
                .map(c -> c.suppressed() != null ? Measured.none("suppressed: " + c.suppressed())
                        : index && c.indexChange() != null ? Measured.of(round2(c.indexChange()))
                        : c.meanDifference() == null ? Measured.none("missing") : Measured.of(round2(c.meanDifference())))
                .orElse(Measured.none("missing: " + instrument + " was not in both rounds"));
    }

    private static void sickLeave(Map<Indicator, Measured> values, EvaluationReport.SickLeave k) {
        values.put(Indicator.SICK_LEAVE_CHANGE, sickLeaveChange(k, "TOTAL"));
        values.put(Indicator.SICK_LEAVE_CHANGE_WOMEN, sickLeaveChange(k, "WOMEN"));
    }

    private static Measured sickLeaveChange(EvaluationReport.SickLeave k, String figure) {
        if (k == null) {
            return Measured.none(UNAVAILABLE);
        }
        return k.changes().stream().filter(c -> c.period().equals("after") && c.comparedWith().equals("before")
                        && c.figure().equals(figure)).findFirst()
                .map(c -> c.percentagePoints() == null ? Measured.none("suppressed") : Measured.of(round2(c.percentagePoints())))
                .orElse(Measured.none("missing"));
    }

    private static Optional<EvaluationReport.Completion> completion(EvaluationReport.Participation p, String group) {
        return p.completion().stream().filter(c -> c.group().equals(group)).findFirst();
    }

    private static Optional<EvaluationReport.Hours> hours(EvaluationReport.Participation p, String group) {
        return p.hours().stream().filter(h -> h.group().equals(group)).findFirst();
    }

    private static double percent(long part, long whole) {
        return round1(100.0 * part / whole);
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
