package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EsfTotalsTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void same(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + ", was " + actual);
    }

    @Test
    void valuedByOccupationElseTheYearsDefaultElseNothing() {
        HourlyCosts costs = new HourlyCosts(d("250.00"), Map.of("Undersköterska", d("231.50")));
        same("694.50", costs.value(d("3.0"), "Undersköterska"));
        same("187.50", costs.value(d("0.75"), "Rektor"));
        same("187.50", costs.value(d("0.75"), null));
        same("0", new HourlyCosts(null, Map.of()).value(d("3"), "Rektor"));
        // to the öre, half up: 0.33 h × 231.50 = 76.395
        same("76.40", costs.value(d("0.33"), "Undersköterska"));
    }

    @Test
    void totalsForAllThenEachGenderCountingOnlyThoseWithHours() {
        List<EsfTotals.Total> totals = EsfTotals.of(List.of(
                new EsfTotals.Line("1", "FEMALE", d("3.0"), d("750")),
                new EsfTotals.Line("1", "FEMALE", d("0.75"), d("187.5")),
                new EsfTotals.Line("2", "FEMALE", d("3.0"), d("750")),
                new EsfTotals.Line("3", "MALE", d("3.0"), d("750")),
                // a correction that takes one man's hours back: he is no participant this month
                new EsfTotals.Line("3", "MALE", d("-3.0"), d("-750")),
                new EsfTotals.Line("4", "MALE", d("2.0"), d("500"))));
        assertEquals(List.of("ALL", "FEMALE", "MALE"), totals.stream().map(EsfTotals.Total::legalGender).toList());
        assertEquals(3, totals.get(0).participants());
        same("8.75", totals.get(0).hours());
        same("2187.5", totals.get(0).coFinancingSek());
        assertEquals(2, totals.get(1).participants());
        same("6.75", totals.get(1).hours());
        assertEquals(1, totals.get(2).participants());
        same("2.0", totals.get(2).hours());
        List<EsfTotals.Total> none = EsfTotals.of(List.of());
        assertEquals(1, none.size());
        assertEquals(0, none.getFirst().participants());
    }
}
