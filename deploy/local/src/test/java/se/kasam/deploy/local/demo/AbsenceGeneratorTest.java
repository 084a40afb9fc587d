package se.kasam.deploy.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.kasam.deploy.local.demo.AbsenceGenerator.PeriodRow;
import se.kasam.deploy.local.demo.AbsenceGenerator.SpellRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;

class AbsenceGeneratorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final LocalDate FROM = LocalDate.of(2018, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);
    static final List<EmployeeRow> EMPLOYEES = MunicipalityGenerator.generate(1300, 42, TODAY).employees();
    static final Map<String, EmployeeRow> BY_NUMBER =
            EMPLOYEES.stream().collect(Collectors.toMap(EmployeeRow::employeeNumber, Function.identity()));
    static final List<SpellRow> SPELLS = AbsenceGenerator.generate(EMPLOYEES, FROM, TO, 7);
    static final Predicate<EmployeeRow> ALL = e -> true;
    static final Predicate<EmployeeRow> WOMEN = e -> e.legalGender().equals("FEMALE");
    static final Predicate<EmployeeRow> MEN = WOMEN.negate();

    @Test
    void theSameSeedGivesTheSameHistory() {
        assertEquals(SPELLS, AbsenceGenerator.generate(EMPLOYEES, FROM, TO, 7));
    }

    @Test
    void spellsAreWellFormed() {
        Set<String> ids = new HashSet<>();
        Map<String, LocalDate> lastEnd = new HashMap<>();
        for (SpellRow spell : SPELLS) {
            assertTrue(ids.add(spell.spellId()), "unique id " + spell.spellId());
            assertTrue(Set.of("SICK_LEAVE", "CARE_OF_CHILD", "PARENTAL_LEAVE").contains(spell.kind()));
            EmployeeRow employee = BY_NUMBER.get(spell.employeeNumber());
            List<PeriodRow> periods = spell.periods();
            LocalDate first = periods.get(0).firstDay();
            assertTrue(!first.isBefore(FROM) && !first.isBefore(employee.startDate()),
                    "starts within bounds: " + spell);
            LocalDate previous = lastEnd.put(spell.employeeNumber(), end(spell));
            assertTrue(previous == null || first.isAfter(previous), "no overlap with the previous spell: " + spell);
            for (int i = 0; i < periods.size(); i++) {
                PeriodRow period = periods.get(i);
                assertTrue(Set.of(25, 50, 75, 100).contains(period.extent()), "extent: " + spell);
                if (i > 0) {
                    assertEquals(periods.get(i - 1).lastDay().plusDays(1), period.firstDay(), "contiguous: " + spell);
                }
                if (period.lastDay() == null) {
                    assertEquals(periods.size() - 1, i, "only the last period is open: " + spell);
                } else {
                    assertTrue(!period.lastDay().isBefore(period.firstDay()) && !period.lastDay().isAfter(TO),
                            "ends within bounds: " + spell);
                }
            }
            boolean cut = first.equals(FROM) || periods.getLast().lastDay() == null;
            assertTrue(!spell.expectedLongTerm() || days(spell) >= 60 || cut,
                    "only long spells are expected long: " + spell);
        }
        assertTrue(SPELLS.stream().anyMatch(s -> s.periods().getLast().lastDay() == null),
                "spells running at the end are open");
        List<SpellRow> whole = SPELLS.stream().filter(s -> s.periods().getFirst().firstDay().isAfter(FROM)
                && s.periods().getLast().lastDay() != null && days(s) >= 60).toList();
        double expected = whole.stream().filter(SpellRow::expectedLongTerm).count() / (double) whole.size();
        assertTrue(expected > 0.55 && expected < 0.85, "most long spells are expected long: " + expected);
        assertTrue(SPELLS.stream().anyMatch(s -> s.kind().equals("CARE_OF_CHILD")));
        assertTrue(SPELLS.stream().anyMatch(s -> s.kind().equals("PARENTAL_LEAVE")));
    }

    @Test
    void theFiguresAreThoseOfASwedishMunicipality() {
        List<SpellRow> sick = SPELLS.stream().filter(s -> s.kind().equals("SICK_LEAVE")).toList();
        double employeeYears = 0;
        for (int year = FROM.getYear(); year <= TO.getYear(); year++) {
            employeeYears += employedDays(year, ALL) / 365.25;
            System.out.printf("%d: sick-leave rate %.1f %%, women %.1f %%, men %.1f %%%n", year,
                    100 * rate(year, ALL), 100 * rate(year, WOMEN), 100 * rate(year, MEN));
        }
        double perYear = sick.size() / employeeYears;
        double longShare = sick.stream().filter(s -> days(s) >= 60).count() / (double) sick.size();
        double overall = rate(FROM.getYear(), TO.getYear(), ALL);
        double women = rate(FROM.getYear(), TO.getYear(), WOMEN);
        double men = rate(FROM.getYear(), TO.getYear(), MEN);
        System.out.printf("%.2f sick spells per employee-year, %.1f %% of them 60 days or more; rate %.1f %%, "
                + "women %.1f %%, men %.1f %%%n", perYear, 100 * longShare, 100 * overall, 100 * women, 100 * men);
        assertTrue(perYear > 4 && perYear < 6, "spells per employee-year: " + perYear);
        assertTrue(overall > 0.06 && overall < 0.10, "overall rate: " + overall);
        assertTrue(women > 1.3 * men, "women " + women + ", men " + men);
        assertTrue(rate(2020, WOMEN) < 0.85 * rate(2018, WOMEN), "the programme lowers women's sick leave");
        assertTrue(longShare > 0.005, "long spells: " + longShare);
    }

    @Test
    void theProgrammeEffectFallsAndPartlyComesBack() {
        double before = AbsenceGenerator.programmeFactor(LocalDate.of(2019, 7, 31));
        double during = AbsenceGenerator.programmeFactor(LocalDate.of(2021, 1, 1));
        double after = AbsenceGenerator.programmeFactor(LocalDate.of(2024, 1, 1));
        assertEquals(1, before);
        assertTrue(during < 0.8 && during < after && after < before, during + " " + after);
    }

    @Test
    void aLargeMunicipalityOverFiveYears() {
        List<EmployeeRow> employees = MunicipalityGenerator.generate(50_000, 42, TO).employees();
        long started = System.nanoTime();
        int spells = AbsenceGenerator.generate(employees, LocalDate.of(2021, 1, 1), TO, 7).size();
        System.out.printf("50,000 employees, 2021-2025: %d spells in %d ms%n", spells,
                (System.nanoTime() - started) / 1_000_000);
        assertTrue(spells > 900_000 && spells < 1_400_000, "spells: " + spells);
    }

    /** Sick days weighted by extent ÷ employed days, in the years, for the employees matching. */
    static double rate(int firstYear, int lastYear, Predicate<EmployeeRow> who) {
        double sick = 0;
        double employed = 0;
        for (int year = firstYear; year <= lastYear; year++) {
            sick += sickDays(year, who);
            employed += employedDays(year, who);
        }
        return sick / employed;
    }

    static double rate(int year, Predicate<EmployeeRow> who) {
        return rate(year, year, who);
    }

    static double sickDays(int year, Predicate<EmployeeRow> who) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        double days = 0;
        for (SpellRow spell : SPELLS) {
            if (spell.kind().equals("SICK_LEAVE") && who.test(BY_NUMBER.get(spell.employeeNumber()))) {
                for (PeriodRow period : spell.periods()) {
                    days += overlap(period.firstDay(), period.lastDay() == null ? TO : period.lastDay(), first, last)
                            * period.extent() / 100.0;
                }
            }
        }
        return days;
    }

    static double employedDays(int year, Predicate<EmployeeRow> who) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return EMPLOYEES.stream().filter(who)
                .mapToLong(e -> overlap(e.startDate().isAfter(FROM) ? e.startDate() : FROM, TO, first, last)).sum();
    }

    static long overlap(LocalDate firstA, LocalDate lastA, LocalDate firstB, LocalDate lastB) {
        LocalDate first = firstA.isAfter(firstB) ? firstA : firstB;
        LocalDate last = lastA.isBefore(lastB) ? lastA : lastB;
        return Math.max(0, ChronoUnit.DAYS.between(first, last) + 1);
    }

    static LocalDate end(SpellRow spell) {
        LocalDate last = spell.periods().getLast().lastDay();
        return last == null ? TO : last;
    }

    static long days(SpellRow spell) {
        return ChronoUnit.DAYS.between(spell.periods().getFirst().firstDay(), end(spell)) + 1;
    }
}
