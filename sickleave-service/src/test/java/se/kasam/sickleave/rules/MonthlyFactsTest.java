package se.kasam.sickleave.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kasam.sickleave.rules.MonthlyFacts.Basis;
import se.kasam.sickleave.rules.MonthlyFacts.Extent;
import se.kasam.sickleave.rules.MonthlyFacts.Fact;
import se.kasam.sickleave.rules.MonthlyFacts.SickSpell;
import se.kasam.sickleave.rules.MonthlyFacts.Terms;
import se.kasam.sickleave.rules.MonthlyFacts.YearFact;

class MonthlyFactsTest {
    static final double DAY = 40.0 / 7; // a full-time day of a 40-hour week
    static final Basis ANNA = new Basis("1", "FEMALE", 1995, LocalDate.of(1995, 6, 15), LocalDate.of(2020, 1, 1), null);

    @Test
    void ordinaryHoursAreSpreadOverEveryCalendarDayAtTheEmploymentRate() {
        List<Fact> facts = MonthlyFacts.compute(ANNA, List.of(terms(null, "A", 75)), List.of(),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 28));
        assertEquals(2, facts.size());
        assertEquals(31 * 0.75 * DAY, total(facts.get(0).ordinary()), 1e-9);
        assertEquals(28 * 0.75 * DAY, total(facts.get(1).ordinary()), 1e-9);
    }

    @Test
    void sickHoursCountEachPeriodsExtentOfTheDaysOrdinaryHours() {
        // 10 days at 100 %, then 5 days at 50 %, for someone employed at 80 %
        SickSpell spell = new SickSpell(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15), List.of(
                new Extent(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10), 100),
                new Extent(LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 15), 50)));
        Fact march = MonthlyFacts.compute(ANNA, List.of(terms(null, "A", 80)), List.of(spell),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).getFirst();
        assertEquals(12.5 * 0.8 * DAY, total(march.sick()), 1e-9);
        assertEquals(0, march.longTerm(), "15 days are not long-term");
    }

    @Test
    void aSpellOfSixtyDaysIsLongTermInEveryMonthItTouches_andOneOfFiftyNineIsNot() {
        SickSpell sixty = new SickSpell(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 3, 20),
                List.of(new Extent(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 3, 20), 100)));
        List<Fact> facts = MonthlyFacts.compute(ANNA, List.of(terms(null, "A", 100)), List.of(sixty),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(12 * DAY, facts.get(0).longTerm(), 1e-9);
        assertEquals(28 * DAY, facts.get(1).longTerm(), 1e-9);
        assertEquals(20 * DAY, facts.get(2).longTerm(), 1e-9);
        SickSpell fiftyNine = new SickSpell(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 3, 19),
                List.of(new Extent(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 3, 19), 100)));
        assertEquals(0, MonthlyFacts.compute(ANNA, List.of(terms(null, "A", 100)), List.of(fiftyNine),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).stream().mapToDouble(Fact::longTerm).sum(), 1e-9);
    }

    @Test
    void anOpenSpellCountsUpToTheAsOfDay() {
        SickSpell open = new SickSpell(LocalDate.of(2025, 5, 1), null,
                List.of(new Extent(LocalDate.of(2025, 5, 1), null, 100)));
        List<Fact> facts = MonthlyFacts.compute(ANNA, List.of(terms(null, "A", 100)), List.of(open),
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 29));
        assertEquals(31 * DAY, facts.get(0).longTerm(), 1e-9, "day 60 is 29 June: long-term from then on, back to day 1");
        assertEquals(29 * DAY, total(facts.get(1).sick()), 1e-9);
    }

    @Test
    void theAgeBandChangesOnTheBirthdayAndTheUnitOnTheDayTheChangeHeld() {
        // Anna turns 30 on 15 June 2025; moves from A to B on 20 June, at 50 % from then on
        List<Fact> facts = MonthlyFacts.compute(ANNA, List.of(terms(null, "A", 100), terms(LocalDate.of(2025, 6, 20), "B", 50)),
                List.of(), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        assertEquals(2, facts.size());
        Fact a = facts.get(0);
        Fact b = facts.get(1);
        assertEquals("A", a.unitCode());
        assertEquals(14 * DAY, a.ordinary()[AgeBand.UP_TO_29.ordinal()], 1e-9);
        assertEquals(5 * DAY, a.ordinary()[AgeBand.FROM_30_TO_49.ordinal()], 1e-9);
        assertEquals("B", b.unitCode());
        assertEquals(11 * 0.5 * DAY, b.ordinary()[AgeBand.FROM_30_TO_49.ordinal()], 1e-9);
        assertEquals(YearMonth.of(2025, 6), b.month());
    }

    @Test
    void nothingBeforeTheStartOrAfterTheEndOfEmployment() {
        Basis left = new Basis("2", "MALE", 1970, null, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 5));
        List<Fact> facts = MonthlyFacts.compute(left, List.of(terms(null, "A", 100)), List.of(),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(2, facts.size());
        assertEquals(22 * DAY, total(facts.get(0).ordinary()), 1e-9);
        assertEquals(5 * DAY, facts.get(1).ordinary()[AgeBand.FROM_50.ordinal()], 1e-9, "born 1970: 55 in 2025");
    }

    @Test
    void aYearSumsItsMonthsPerUnit() {
        // A until 19 June 2025, then B at 50 %; a 10-day spell in December 2024 and a 4-day one in March 2025
        SickSpell december = new SickSpell(LocalDate.of(2024, 12, 20), LocalDate.of(2024, 12, 29),
                List.of(new Extent(LocalDate.of(2024, 12, 20), LocalDate.of(2024, 12, 29), 100)));
        SickSpell march = new SickSpell(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 6),
                List.of(new Extent(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 6), 100)));
        List<YearFact> years = MonthlyFacts.byYear(MonthlyFacts.compute(ANNA,
                List.of(terms(null, "A", 100), terms(LocalDate.of(2025, 6, 20), "B", 50)), List.of(december, march),
                LocalDate.of(2024, 12, 1), LocalDate.of(2025, 12, 31)));
        assertEquals(3, years.size());
        YearFact a2024 = years.get(0);
        YearFact a2025 = years.get(1);
        YearFact b2025 = years.get(2);
        assertEquals(List.of(2024, "A"), List.of(a2024.year(), a2024.unitCode()));
        assertEquals(31 * DAY, total(a2024.ordinary()), 1e-9, "the part-year before the first whole one");
        assertEquals(10 * DAY, total(a2024.sick()), 1e-9);
        assertEquals(List.of(2025, "A"), List.of(a2025.year(), a2025.unitCode()));
        assertEquals(170 * DAY, total(a2025.ordinary()), 1e-9, "1 January to 19 June");
        assertEquals(4 * DAY, total(a2025.sick()), 1e-9);
        assertEquals(List.of(2025, "B"), List.of(b2025.year(), b2025.unitCode()));
        assertEquals(195 * 0.5 * DAY, b2025.ordinary()[AgeBand.FROM_30_TO_49.ordinal()], 1e-9, "20 June to 31 December");
    }

    @Test
    void withABirthYearOnlyTheAgeIsTheOneReachedThatYear() {
        assertEquals(AgeBand.FROM_30_TO_49, AgeBand.on(LocalDate.of(2025, 1, 1), 1995, null));
        assertEquals(AgeBand.UP_TO_29, AgeBand.on(LocalDate.of(2024, 12, 31), 1995, null));
        assertEquals(AgeBand.UP_TO_29, AgeBand.on(LocalDate.of(2025, 6, 14), 1995, LocalDate.of(1995, 6, 15)));
        assertEquals(AgeBand.FROM_50, AgeBand.on(LocalDate.of(2025, 1, 1), 1975, null));
    }

    private static Terms terms(LocalDate from, String unit, double rate) {
        return new Terms(from, unit, rate, 40);
    }

    private static double total(double[] hours) {
        return hours[0] + hours[1] + hours[2];
    }
}
