package se.kasam.deploy.local.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A plausible absence history for the employees of a {@link MunicipalityGenerator generated municipality}, the
 * same for the same seed; the rows are what the HR system would send as the sick-leave import.
 *
 * <p>Each employee's history is drawn on its own (from the seed and the employee number, so one employee's history
 * does not depend on the others) as a sequence of spells that never overlap: after a spell ends the employee is at
 * risk again the next day, and the waiting time to the next spell is exponential with the sum of three rates.
 * <ul>
 * <li>{@code SICK_LEAVE}, about five spells per employee-year. The rate is a personal proneness (exponential with
 *     mean 1, so the counts per year are skewed: many employees have 0-3 spells, some 10 or more) times factors for
 *     gender (women's sick leave in Swedish municipalities is about 1.5-2 times men's), occupation (highest in care
 *     and cleaning, lowest in administration and management), age (the youngest have the most short spells) and the
 *     {@linkplain #programmeFactor programme effect}. Most spells last 1-7 days; some 8-14, some 15-59 and a few
 *     60-365; the long ones are likelier for women and at 50 or older, rarer up to 29, and often go on at 75, 50 or
 *     25 % after one to three months at 100 %. This gives sick leave of about 9 % of employed days before the
 *     programme, 7 % during it and 8-9 % after, near what Swedish municipalities report; no pandemic is
 *     modelled.</li>
 * <li>{@code CARE_OF_CHILD} (VAB), two 1-3-day spells a year for the six in ten employees who have children, while
 *     they are 25-50.</li>
 * <li>{@code PARENTAL_LEAVE}, 100 %, for women aged 25-40 (4-14 months) and men aged 25-45 (3 weeks to 4 months).</li>
 * </ul>
 * HR marks seven in ten spells planned to last 60 days or more as expected to be long-term, never a shorter one.
 *
 * <p>Spells lie within {@code [max(from, startDate), to]}. Histories start a year before {@code from} (or at the
 * start date) so that long spells already running at {@code from} are there, cut to begin at {@code from}; a spell
 * still running at {@code to} is open: its last period has no last day.
 */
public final class AbsenceGenerator {
    /** One stretch of a spell at one extent (25, 50, 75 or 100 %); {@code lastDay} is null while it is running. */
    public record PeriodRow(LocalDate firstDay, LocalDate lastDay, int extent) {
    }

    /** One absence spell: contiguous periods, the first starting the spell and the last ending it. */
    public record SpellRow(String spellId, String employeeNumber, String kind, boolean expectedLongTerm,
                           List<PeriodRow> periods) {
    }

    private static final LocalDate PROGRAMME_START = LocalDate.of(2019, 8, 1);
    private static final LocalDate PROGRAMME_END = LocalDate.of(2021, 10, 31);
    /** How much the programme lowers the rate of new sick spells once it has taken full effect. */
    private static final double PROGRAMME_EFFECT = 0.30;
    /** Days from the programme's start until its full effect. */
    private static final double PROGRAMME_RAMP = 270;
    /** The share of the effect that lasts after the programme, and how fast (days) the rest fades. */
    private static final double PROGRAMME_RESIDUAL = 0.4;
    private static final double PROGRAMME_FADE = 365;

    private static final double SICK_SPELLS_PER_YEAR = 6.4;
    private static final Map<String, Double> OCCUPATION_FACTORS = Map.ofEntries(
            Map.entry("Undersköterska", 1.25), Map.entry("Stödassistent", 1.2), Map.entry("Förskollärare", 1.2),
            Map.entry("Lokalvårdare", 1.2), Map.entry("Kock", 1.1), Map.entry("Socialsekreterare", 1.05),
            Map.entry("Grundskollärare", 0.95), Map.entry("Gymnasielärare", 0.8), Map.entry("Parkarbetare", 0.9),
            Map.entry("Drifttekniker", 0.8), Map.entry("Handläggare", 0.7), Map.entry("Enhetschef", 0.75),
            Map.entry("Förvaltningschef", 0.6), Map.entry("Kommundirektör", 0.6));
    /** The largest age factor on the rate of sick spells (up to 29); the bound used when drawing candidate days. */
    private static final double YOUNG = 1.3;
    /** Shares of sick spells lasting 60+ and 15-59 days at severity 1, and 8-14 days. */
    private static final double LONG_SHARE = 0.011;
    private static final double MONTH_SHARE = 0.045;
    private static final double TWO_WEEKS_SHARE = 0.08;
    private static final double PARENTS = 0.6;
    private static final double CARE_OF_CHILD_PER_YEAR = 2;
    /** How far before {@code from} histories start, so that spells already running at {@code from} are there. */
    private static final int LEAD_IN = 365;

    /** A stretch of a spell being drawn: its length in days and its extent. */
    private record Part(int days, int extent) {
    }

    private final long from;
    private final long to;
    private final long seed;
    /** Every date from {@code from - LEAD_IN} to {@code to}, shared by all rows instead of one object per row. */
    private final LocalDate[] dates;

    private AbsenceGenerator(LocalDate from, LocalDate to, long seed) {
        this.from = from.toEpochDay();
        this.to = to.toEpochDay();
        this.seed = seed;
        this.dates = new LocalDate[(int) Math.max(0, this.to - this.from + LEAD_IN + 1)];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = LocalDate.ofEpochDay(this.from - LEAD_IN + i);
        }
    }

    /** Absence from {@code from} to {@code to} (inclusive) for the given employees. */
    public static List<SpellRow> generate(List<MunicipalityGenerator.EmployeeRow> employees, LocalDate from,
                                          LocalDate to, long seed) {
        AbsenceGenerator generator = new AbsenceGenerator(from, to, seed);
        List<SpellRow> spells = new ArrayList<>();
        for (MunicipalityGenerator.EmployeeRow employee : employees) {
            generator.history(employee, spells);
        }
        return spells;
    }

    /**
     * The programme's effect on the rate of new sick spells on a day, as a factor: 1 before 2019-08-01; falling
     * smoothly (smoothstep over {@value #PROGRAMME_RAMP} days) to {@code 1 - }{@value #PROGRAMME_EFFECT}; held there
     * until the programme ends on 2021-10-31; then rising again as the effect fades exponentially (time constant
     * {@value #PROGRAMME_FADE} days) towards the {@value #PROGRAMME_RESIDUAL} of it that lasts.
     */
    static double programmeFactor(LocalDate day) {
        return programmeFactor(day.toEpochDay());
    }

    private static double programmeFactor(long day) {
        double sinceStart = day - PROGRAMME_START.toEpochDay();
        double sinceEnd = day - PROGRAMME_END.toEpochDay();
        double effect;
        if (sinceStart < 0) {
            effect = 0;
        } else if (sinceStart < PROGRAMME_RAMP) {
            double x = sinceStart / PROGRAMME_RAMP;
            effect = x * x * (3 - 2 * x);
        } else if (sinceEnd <= 0) {
            effect = 1;
        } else {
            effect = PROGRAMME_RESIDUAL + (1 - PROGRAMME_RESIDUAL) * Math.exp(-sinceEnd / PROGRAMME_FADE);
        }
        return 1 - PROGRAMME_EFFECT * effect;
    }

    /**
     * Adds one employee's spells. Candidate days come at the largest rate the employee can have; each is kept as a
     * spell of a kind with that kind's rate on the day (thinning), so rates may change with date and age.
     */
    private void history(MunicipalityGenerator.EmployeeRow employee, List<SpellRow> spells) {
        long start = employee.startDate().toEpochDay();
        if (Math.max(start, from) > to) {
            return;
        }
        SplittableRandom random =
                new SplittableRandom(seed ^ employee.employeeNumber().hashCode() * 0x9E3779B97F4A7C15L);
        boolean woman = employee.legalGender().equals("FEMALE");
        boolean parent = random.nextDouble() < PARENTS;
        double proneness = exponential(random);
        double sickBound = SICK_SPELLS_PER_YEAR * proneness * (woman ? 1.15 : 0.8)
                * OCCUPATION_FACTORS.getOrDefault(employee.occupation(), 1.0) * YOUNG;
        double parentalRate = woman ? 0.06 : 0.04;
        double bound = sickBound + (parent ? CARE_OF_CHILD_PER_YEAR : 0) + parentalRate;
        int number = 0;
        long day = Math.max(start, from - LEAD_IN);
        while (true) {
            day += (long) (exponential(random) * 365.25 / bound);
            if (day > to) {
                return;
            }
            int age = date(day).getYear() - employee.birthYear();
            double sick = sickBound / YOUNG * (age <= 29 ? YOUNG : age >= 50 ? 0.85 : 1) * programmeFactor(day);
            double careOfChild = parent && age >= 25 && age <= 50 ? CARE_OF_CHILD_PER_YEAR : 0;
            double parental = age >= 25 && age <= (woman ? 40 : 45) ? parentalRate : 0;
            double draw = random.nextDouble() * bound;
            String kind;
            List<Part> parts;
            if (draw < sick) {
                kind = "SICK_LEAVE";
                parts = sickLeave(random, (woman ? 1.25 : 0.75) * (age <= 29 ? 0.5 : age >= 50 ? 1.8 : 1));
            } else if (draw < sick + careOfChild) {
                kind = "CARE_OF_CHILD";
                parts = List.of(new Part(1 + random.nextInt(3), 100));
            } else if (draw < sick + careOfChild + parental) {
                kind = "PARENTAL_LEAVE";
                parts = List.of(new Part(woman ? 120 + random.nextInt(300) : 20 + random.nextInt(100), 100));
            } else {
                continue;
            }
            int days = parts.stream().mapToInt(Part::days).sum();
            long end = day + days - 1;
            if (end >= from) {
                boolean expectedLongTerm = days >= 60 && random.nextDouble() < 0.7;
                spells.add(new SpellRow("S" + employee.employeeNumber() + "-" + ++number, employee.employeeNumber(),
                        kind, expectedLongTerm, periods(day, parts)));
            }
            day = end + 1;
        }
    }

    /**
     * A sick spell's stretches: 60-365 days (mean about 140) with probability {@value #LONG_SHARE} times the
     * severity, 15-59 days (mean about 29) with {@value #MONTH_SHARE} times it, 8-14 days with
     * {@value #TWO_WEEKS_SHARE}, else 1-7 days (mostly 1-3).
     */
    private static List<Part> sickLeave(SplittableRandom random, double severity) {
        double draw = random.nextDouble();
        if (draw < LONG_SHARE * severity) {
            return longSickLeave(random, 60 + (int) Math.min(305, exponential(random) * 80));
        }
        if (draw < (LONG_SHARE + MONTH_SHARE) * severity) {
            int days = 15 + (int) Math.min(44, exponential(random) * 15);
            return random.nextDouble() < 0.25
                    ? List.of(new Part(days - days / 3, 100), new Part(days / 3, 50))
                    : List.of(new Part(days, 100));
        }
        if (draw < (LONG_SHARE + MONTH_SHARE) * severity + TWO_WEEKS_SHARE) {
            return List.of(new Part(8 + random.nextInt(7), 100));
        }
        return List.of(new Part(1 + (int) Math.min(6, exponential(random) * 2.2), 100));
    }

    /** One to three months at 100 %, then usually (two in three) part-time: 75 or 50 %, sometimes 25 % at the end. */
    private static List<Part> longSickLeave(SplittableRandom random, int days) {
        int full = Math.min(days, 30 + random.nextInt(61));
        int rest = days - full;
        if (rest == 0 || random.nextDouble() < 0.35) {
            return List.of(new Part(days, 100));
        }
        int extent = random.nextDouble() < 0.3 ? 75 : 50;
        if (rest > 60 && random.nextDouble() < 0.5) {
            return List.of(new Part(full, 100), new Part(rest / 2, extent), new Part(rest - rest / 2, 25));
        }
        return List.of(new Part(full, 100), new Part(rest, extent));
    }

    /** The spell's periods from {@code start}, cut to begin at {@code from}; open if still running at {@code to}. */
    private List<PeriodRow> periods(long start, List<Part> parts) {
        List<PeriodRow> periods = new ArrayList<>(parts.size());
        long first = start;
        for (Part part : parts) {
            long last = first + part.days() - 1;
            if (last >= from) {
                periods.add(new PeriodRow(date(Math.max(first, from)), last > to ? null : date(last), part.extent()));
            }
            if (last >= to) {
                break;
            }
            first = last + 1;
        }
        return List.copyOf(periods);
    }

    private LocalDate date(long day) {
        return dates[(int) (day - from + LEAD_IN)];
    }

    /** Exponentially distributed with mean 1. */
    private static double exponential(SplittableRandom random) {
        return -Math.log(1 - random.nextDouble());
    }
}
