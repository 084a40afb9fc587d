package se.kasam.evaluation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.kasam.evaluation.config.EvaluationConfig;
import se.kasam.evaluation.mapping.EvaluationReport;
import se.kasam.evaluation.mapping.EvaluationReport.Change;
import se.kasam.evaluation.mapping.EvaluationReport.Completion;
import se.kasam.evaluation.mapping.EvaluationReport.Done;
import se.kasam.evaluation.mapping.EvaluationReport.Hours;
import se.kasam.evaluation.mapping.EvaluationReport.IndicatorValue;
import se.kasam.evaluation.mapping.EvaluationReport.Outcome;

/** Every figure below is worked out by hand from the section given. */
class IndicatorsTest {
    private static final List<String> MODULES = List.of("M1", "M2", "M3");

    /** 30 staff: 18 women (17 reached, 12 all three), 12 men suppressed; 6 trio groups, 4 met. */
    private static EvaluationReport.Participation participation(long trioGroupsFormed) {
        var all = new Completion("ALL", 30, 29, List.of(new Done(0, 1, 3.3), new Done(1, 2, 6.7), new Done(2, 7, 23.3),
                new Done(3, 20, 66.7)), null);
        var women = new Completion("FEMALE", 18, 17, List.of(new Done(0, 1, 5.6), new Done(3, 12, 66.7)), null);
        var men = new Completion("MALE", null, null, null, "COMPLEMENTARY");
        var hours = List.of(new Hours("ALL", 29, new BigDecimal("87.5"), new BigDecimal("21875"), null),
                new Hours("FEMALE", 17, new BigDecimal("51"), new BigDecimal("12750"), null),
                new Hours("MALE", null, null, null, "GROUP_TOO_SMALL"));
        return new EvaluationReport.Participation(LocalDate.of(2021, 10, 31), MODULES, List.of(all, women, men), List.of(),
                new EvaluationReport.TrioGroups(trioGroupsFormed, Math.min(4, trioGroupsFormed), 11), hours);
    }

    private static Change change(String instrument, String group, Double meanDifference, Double indexChange, String suppressed) {
        return new Change(instrument, "TOTAL", group, 60.0, 61.0, 40L, meanDifference, indexChange, 0.1, 1.9, 0.03, 0.35,
                0.3, suppressed);
    }

    private static EvaluationReport.Survey survey() {
        var baseline = new EvaluationReport.Round("b", "Baslinje", null, 60, 50);
        var followUp = new EvaluationReport.Round("f", "Uppföljning", null, 67, 51);
        return new EvaluationReport.Survey(baseline, followUp,
                List.of(new EvaluationReport.ResponseRate("Baslinje", 60, 50, 50 / 60.0, null),
                        new EvaluationReport.ResponseRate("Uppföljning", 67, 51, 51 / 67.0, null)),
                List.of(change("SOC-13", "ALL", 0.125, null, null), change("SOC-13", "FEMALE", null, null, "GROUP_TOO_SMALL"),
                        change("HME", "ALL", 1.6, 2.6666, null), change("HME", "FEMALE", 1.0, 1.5, null)), null);
    }

    private static EvaluationReport.SickLeave sickLeave() {
        return new EvaluationReport.SickLeave(List.of(), List.of(
                new EvaluationReport.FigureChange("during", "before", "TOTAL", -0.4),
                new EvaluationReport.FigureChange("after", "before", "TOTAL", -1.125),
                new EvaluationReport.FigureChange("after", "before", "WOMEN", null)), List.of());
    }

    private static Map<Indicator, IndicatorValue> measured(EvaluationReport.Participation p, EvaluationReport.Survey s,
                                                          EvaluationReport.SickLeave k) {
        var values = Indicators.measure(p, s, k);
        assertEquals(Indicator.values().length, values.size(), "every indicator has a value or a reason");
        return values.stream().collect(Collectors.toMap(IndicatorValue::indicator, Function.identity()));
    }

    @Test
    void theIndicatorsAreReadOffTheSections() {
        var v = measured(participation(6), survey(), sickLeave());
        assertEquals(96.7, v.get(Indicator.REACHED_SHARE).value()); // 29 of 30
        assertEquals(66.7, v.get(Indicator.ALL_THREE_SHARE).value()); // 20 of 30
        assertEquals(66.7, v.get(Indicator.ALL_THREE_SHARE_WOMEN).value()); // 12 of 18
        assertEquals(66.7, v.get(Indicator.TRIO_GROUPS_MEETING_SHARE).value()); // 4 of 6
        assertEquals(87.5, v.get(Indicator.PARTICIPANT_HOURS).value());
        assertEquals(21875.0, v.get(Indicator.CO_FINANCING_SEK).value());
        assertEquals(76.1, v.get(Indicator.FOLLOW_UP_RESPONSE_RATE).value()); // 51 of 67 = 76.12 %
        assertEquals(0.13, v.get(Indicator.SOC13_CHANGE).value()); // 0.125 rounded half up
        assertEquals(2.67, v.get(Indicator.HME_INDEX_CHANGE).value()); // the index change, not the raw mean
        assertEquals(-1.13, v.get(Indicator.SICK_LEAVE_CHANGE).value()); // after against before, not during
        v.values().stream().filter(i -> i.value() != null).forEach(i -> assertNull(i.missing(), i.indicator().name()));
    }

    @Test
    void aSuppressedFigureIsNoValueWithItsReasonNeverNought() {
        var v = measured(participation(6), survey(), sickLeave());
        assertNull(v.get(Indicator.ALL_THREE_SHARE_MEN).value());
        assertEquals("suppressed: COMPLEMENTARY", v.get(Indicator.ALL_THREE_SHARE_MEN).missing());
        assertEquals("suppressed: GROUP_TOO_SMALL", v.get(Indicator.SOC13_CHANGE_WOMEN).missing());
        assertEquals("suppressed", v.get(Indicator.SICK_LEAVE_CHANGE_WOMEN).missing());
        assertEquals("no trio groups formed", measured(participation(0), survey(), sickLeave())
                .get(Indicator.TRIO_GROUPS_MEETING_SHARE).missing());
    }

    @Test
    void anUnavailableOrIncompleteSectionSaysSoForEachOfItsIndicators() {
        var v = measured(null, null, null);
        v.values().forEach(i -> {
            assertNull(i.value());
            assertEquals(Indicators.UNAVAILABLE, i.missing(), i.indicator().name());
        });
        var oneRound = new EvaluationReport.Survey(null, null, List.of(), List.of(), "fewer than two closed rounds");
        assertEquals("missing: fewer than two closed rounds",
                measured(participation(6), oneRound, sickLeave()).get(Indicator.SOC13_CHANGE).missing());
    }

    @Test
    void participantsAreTheWomenAndMenWithHoursAndAHiddenCountSaysWhy() {
        var p = Indicators.participants(participation(6));
        assertEquals(17, p.women());
        assertNull(p.men());
        assertEquals(29, p.total());
        assertEquals("suppressed: too few to show", p.missing());
        assertEquals(Indicators.UNAVAILABLE, Indicators.participants(null).missing());
    }

    private record Target(String aim, Indicator indicator, EvaluationConfig.Comparison comparison, double value)
            implements EvaluationConfig.Target {
    }

    @Test
    void anAimIsMetOnItsBoundNotMetPastItAndNotAvailableWithoutAValue() {
        var values = Indicators.measure(participation(6), survey(), sickLeave());
        var targets = List.<EvaluationConfig.Target>of(
                new Target("Nå alla", Indicator.REACHED_SHARE, EvaluationConfig.Comparison.AT_LEAST, 96.7),
                new Target("Alla tre", Indicator.ALL_THREE_SHARE, EvaluationConfig.Comparison.AT_LEAST, 70),
                new Target("Lägre sjukfrånvaro", Indicator.SICK_LEAVE_CHANGE, EvaluationConfig.Comparison.AT_MOST, -1.13),
                new Target("Kvinnors", Indicator.SICK_LEAVE_CHANGE_WOMEN, EvaluationConfig.Comparison.AT_MOST, -1),
                new Target("Svar", Indicator.FOLLOW_UP_RESPONSE_RATE, EvaluationConfig.Comparison.AT_MOST, 70));
        var aims = Indicators.aims(targets, values);
        assertEquals(List.of(Outcome.MET, Outcome.NOT_MET, Outcome.MET, Outcome.NOT_AVAILABLE, Outcome.NOT_MET),
                aims.stream().map(EvaluationReport.AimResult::outcome).toList());
        assertEquals(66.7, aims.get(1).measured());
        assertNull(aims.get(3).measured());
        assertEquals("procentenheter", aims.get(2).unit());
    }
}
