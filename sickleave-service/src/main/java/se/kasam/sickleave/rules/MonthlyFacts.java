package se.kasam.sickleave.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An employee's ordinary and sick hours per month and unit: the pre-aggregated facts the statistics are summed from.
 * <p>
 * Ordinary working time is the employment rate × the position's full-time weekly hours, spread evenly over the
 * calendar days of employment (care work is scheduled on weekends too, so no day of the week is special). Sick hours
 * are counted on the same calendar: each day of a sick-leave spell counts its extent's share of that day's ordinary
 * hours. Numerator and denominator thus share one calendar; a schedule feed could replace the even spread later.
 * Hours of a spell that lasts 60 consecutive days or more (an open spell: up to the as-of day) are long-term hours.
 */
public final class MonthlyFacts {
    public static final int LONG_TERM_DAYS = 60;

    /** What an employee is, regardless of time. */
    public record Basis(String employeeNumber, String legalGender, int birthYear, LocalDate birthDate,
                        LocalDate startDate, LocalDate endDate) {
    }

    /** The terms of employment holding from {@code validFrom} on (null: from the start). */
    public record Terms(LocalDate validFrom, String unitCode, double employmentRate, double fullTimeHours) {
    }

    /** A sick-leave spell's days with their extent; {@code lastDay} null while it lasts. */
    public record SickSpell(LocalDate firstDay, LocalDate lastDay, List<Extent> periods) {
    }

    public record Extent(LocalDate firstDay, LocalDate lastDay, int percent) {
    }

    /** Hours of one employee in one month and unit, by age band (index = {@link AgeBand#ordinal()}). */
    public record Fact(String employeeNumber, YearMonth month, String unitCode, String legalGender,
                       double[] ordinary, double[] sick, double longTerm) {
    }

    /**
     * Hours of one employee in one calendar year and unit, the sum of its months: a whole-year report reads one row
     * per employee instead of twelve. The months kept before the first whole year make a part-year.
     */
    public record YearFact(String employeeNumber, int year, String unitCode, String legalGender,
                           double[] ordinary, double[] sick, double longTerm) {

        YearFact plus(YearFact o) {
            return new YearFact(employeeNumber, year, unitCode, legalGender, add(ordinary, o.ordinary),
                    add(sick, o.sick), longTerm + o.longTerm);
        }

        private static double[] add(double[] a, double[] b) {
            double[] sum = a.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += b[i];
            }
            return sum;
        }
    }

    private MonthlyFacts() {
    }

    /** The facts summed per employee, calendar year and unit. */
    public static List<YearFact> byYear(List<Fact> facts) {
        Map<String, YearFact> years = new LinkedHashMap<>();
        for (Fact f : facts) {
            YearFact year = new YearFact(f.employeeNumber(), f.month().getYear(), f.unitCode(), f.legalGender(),
                    f.ordinary(), f.sick(), f.longTerm());
            years.merge(f.employeeNumber() + "|" + year.year() + "|" + f.unitCode(), year, YearFact::plus);
        }
        return new ArrayList<>(years.values());
    }

    /**
     * The facts from {@code from} to {@code asOf} (both inclusive), in month order.
     *
     * @param history sorted by validFrom, the first holding from the start; empty gives no facts
     */
    public static List<Fact> compute(Basis basis, List<Terms> history, List<SickSpell> spells, LocalDate from,
                                     LocalDate asOf) {
        LocalDate first = basis.startDate().isAfter(from) ? basis.startDate() : from;
        LocalDate last = basis.endDate() != null && basis.endDate().isBefore(asOf) ? basis.endDate() : asOf;
        if (history.isEmpty() || last.isBefore(first)) {
            return List.of();
        }
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        double[] sickShare = new double[days];
        boolean[] longTerm = new boolean[days];
        for (SickSpell spell : spells) {
            LocalDate spellEnd = spell.lastDay() == null || spell.lastDay().isAfter(asOf) ? asOf : spell.lastDay();
            boolean isLong = ChronoUnit.DAYS.between(spell.firstDay(), spellEnd) + 1 >= LONG_TERM_DAYS;
            for (Extent period : spell.periods()) {
                LocalDate periodEnd = period.lastDay() == null || period.lastDay().isAfter(spellEnd) ? spellEnd : period.lastDay();
                int a = (int) Math.max(0, ChronoUnit.DAYS.between(first, period.firstDay()));
                int b = (int) Math.min(days - 1, ChronoUnit.DAYS.between(first, periodEnd));
                for (int d = a; d <= b; d++) {
                    sickShare[d] = period.percent() / 100.0;
                    longTerm[d] = isLong;
                }
            }
        }
        Map<String, Hours> hours = new LinkedHashMap<>();
        int termIndex = 0;
        LocalDate day = first;
        for (int d = 0; d < days; d++, day = day.plusDays(1)) {
            while (termIndex + 1 < history.size() && !history.get(termIndex + 1).validFrom().isAfter(day)) {
                termIndex++;
            }
            Terms terms = history.get(termIndex);
            YearMonth month = YearMonth.from(day);
            Hours h = hours.computeIfAbsent(month + "|" + terms.unitCode(), k -> new Hours(month, terms.unitCode()));
            double ordinary = terms.employmentRate() / 100.0 * terms.fullTimeHours() / 7.0;
            int band = AgeBand.on(day, basis.birthYear(), basis.birthDate()).ordinal();
            h.ordinary[band] += ordinary;
            double sick = ordinary * sickShare[d];
            h.sick[band] += sick;
            if (longTerm[d]) {
                h.longTerm += sick;
            }
        }
        List<Fact> facts = new ArrayList<>(hours.size());
        hours.values().forEach(h -> facts.add(new Fact(basis.employeeNumber(), h.month, h.unitCode,
                basis.legalGender(), h.ordinary, h.sick, h.longTerm)));
        return facts;
    }

    private static final class Hours {
        final YearMonth month;
        final String unitCode;
        final double[] ordinary = new double[AgeBand.values().length];
        final double[] sick = new double[AgeBand.values().length];
        double longTerm;

        Hours(YearMonth month, String unitCode) {
            this.month = month;
            this.unitCode = unitCode;
        }
    }
}
