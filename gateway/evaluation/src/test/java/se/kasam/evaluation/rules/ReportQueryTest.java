package se.kasam.evaluation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.kasam.platform.problem.ProblemException;

class ReportQueryTest {
    private static final String BEFORE = "2018-01/2019-07";
    private static final String DURING = "2019-08/2021-10";
    private static final String AFTER = "2021-11/2023-10";
    private static final String ROUND = "0b7d7d43-8a5e-4b8e-9b9f-2f5c1a3e4d5f";

    private static ReportQuery query(String unit, String before, String during, String after, String baseline, String followUp) {
        return ReportQuery.of(unit, before, during, after, baseline, followUp, BEFORE, DURING, AFTER);
    }

    private static String refusedField(String unit, String before, String during, String after, String baseline, String followUp) {
        var refusal = assertThrows(ProblemException.class, () -> query(unit, before, during, after, baseline, followUp));
        assertEquals(1, refusal.errors().size());
        return refusal.errors().get(0).field() + ":" + refusal.errors().get(0).rule();
    }

    @Test
    void nothingAskedForIsTheWholeMunicipalityOverTheConfiguredPeriods() {
        ReportQuery q = query(null, null, " ", null, null, null);
        assertNull(q.unit());
        assertEquals(new ReportQuery.Span(YearMonth.of(2018, 1), YearMonth.of(2019, 7)), q.before());
        assertEquals(YearMonth.of(2021, 10), q.during().to());
        assertEquals("after:2021-11/2023-10", q.after().named("after"));
        assertNull(q.baseline());
    }

    @Test
    void aPeriodOfOneMonthAndTheLongestRangeAreTaken() {
        ReportQuery q = query("U.1-a_b", "2015-01/2015-01", "2015-02/2020-12", "2021-01/2024-12", ROUND, ROUND);
        assertEquals(q.before().from(), q.before().to());
        assertEquals(ROUND, q.followUp());
        // 2015-01 .. 2024-12 is exactly 120 months; one more is refused
        assertEquals("after:Range", refusedField(null, "2015-01/2015-01", "2015-02/2020-12", "2021-01/2025-01", null, null));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "unit with space, -, -, -, unit:Pattern",
            "-, 2019-07/2018-01, -, -, before:Format",
            "-, 2018-13/2019-01, -, -, before:Format",
            "-, 2018-01, -, -, before:Format",
            "-, 2018-01/2019-07/2020-01, -, -, before:Format",
            "-, -, 2019-07/2021-10, -, during:Order",
            "-, -, -, 2021-10/2023-10, during:Order",
            "-, -, not-a-month, -, during:Format",
    })
    void aBadUnitOrPeriodIsNamedWithItsRule(String unit, String before, String during, String after, String expected) {
        assertEquals(expected, refusedField(unit, before, during, after, null, null));
    }

    @Test
    void theRoundsAreBothNamedOrNeitherAndEachIsAnId() {
        assertEquals("followUp:NotNull", refusedField(null, null, null, null, ROUND, null));
        assertEquals("baseline:NotNull", refusedField(null, null, null, null, null, ROUND));
        assertEquals("baseline:Pattern", refusedField(null, null, null, null, "round-1", ROUND));
        assertEquals("followUp:Pattern", refusedField(null, null, null, null, ROUND, ROUND + "0"));
    }

    @Test
    void aUnitCodeLongerThan64IsRefused() {
        assertEquals("unit:Pattern", refusedField("u".repeat(65), null, null, null, null, null));
        assertEquals("u".repeat(64), query("u".repeat(64), null, null, null, null, null).unit());
    }
}
