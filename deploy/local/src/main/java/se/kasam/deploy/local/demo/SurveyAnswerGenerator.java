package se.kasam.deploy.local.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;

/**
 * Plausible answers of a demo municipality's staff to the baseline and the follow-up survey (SOC-13, HME and the
 * platform's own items), the same for the same seed; the rows are what an import of responses takes.
 *
 * <p>Each employee has a sense of coherence (SOC-13 total about 62, SD 11, as Swedish working populations report),
 * an engagement (HME index about 70, SD 14) and a work-environment level (about 3.5 of 5). At follow-up each moves by
 * the programme's effect, larger among women (SOC +4 against +1.5, HME +5 against +2 index points), plus a personal
 * change (SD 5 and 8). Items scatter around the person's level (SOC-13's reversed items answered the other way
 * round); one SOC-13 answer in fifty and one HME answer in a hundred is left out. Four in five answer the baseline,
 * three in four the follow-up, each on a day of the round's window; one in twelve leaves a comment.
 */
public final class SurveyAnswerGenerator {
    static final Set<Integer> SOC_REVERSED = Set.of(1, 2, 3, 7, 10);
    static final List<String> OWN_ITEMS = List.of("WORKLOAD1", "WORKLOAD2", "RECOVERY1", "SUPPORT1", "SUPPORT2", "HEALTH1");
    static final List<String> COMMENTS = List.of(
            "Det är mycket att göra men vi hjälps åt.",
            "Jag önskar mer tid för återhämtning mellan passen.",
            "Bra att vi pratar om arbetsmiljön på arbetsplatsträffarna.",
            "Triogruppen har gjort att jag känner mig mindre ensam i jobbet.",
            "Schemat gör det svårt att hinna med familjen.",
            "Chefen lyssnar och tar oss på allvar.");

    /** One answer, as the import takes it: a value, or a text for a free-text item. */
    public record AnswerRow(String instrument, String item, Integer value, String text) {
    }

    /** One employee's response to one round. */
    public record ResponseRow(String employeeNumber, LocalDate submittedOn, List<AnswerRow> answers) {
    }

    /** A person's levels in one round. */
    record Levels(double soc, double hme, double own) {
    }

    private SurveyAnswerGenerator() {
    }

    /**
     * @param followUp false for the baseline
     * @param from     the first day of the round's window, {@code to} the last
     */
    public static List<ResponseRow> generate(List<EmployeeRow> employees, boolean followUp, LocalDate from, LocalDate to,
                                             long seed) {
        List<ResponseRow> rows = new ArrayList<>();
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        for (EmployeeRow e : employees) {
            SplittableRandom person = new SplittableRandom(seed * 31 + e.employeeNumber().hashCode());
            Levels levels = levels(person, "FEMALE".equals(e.legalGender()), followUp);
            SplittableRandom round = new SplittableRandom((seed * 17 + e.employeeNumber().hashCode()) * 2 + (followUp ? 1 : 0));
            if (round.nextDouble() >= (followUp ? 0.75 : 0.80)) {
                continue;
            }
            rows.add(new ResponseRow(e.employeeNumber(), from.plusDays(round.nextInt(days)), answers(round, levels)));
        }
        return rows;
    }

    /** The same person's levels in both rounds come from one stream: the follow-up is the baseline moved. */
    static Levels levels(SplittableRandom person, boolean woman, boolean followUp) {
        double soc = 62 + 11 * person.nextGaussian();
        double hme = 70 + 14 * person.nextGaussian();
        double own = 3.5 + 0.7 * person.nextGaussian();
        double socChange = (woman ? 4 : 1.5) + 5 * person.nextGaussian();
        double hmeChange = (woman ? 5 : 2) + 8 * person.nextGaussian();
        double ownChange = 0.15 + 0.4 * person.nextGaussian();
        return followUp ? new Levels(soc + socChange, hme + hmeChange, own + ownChange) : new Levels(soc, hme, own);
    }

    static List<AnswerRow> answers(SplittableRandom random, Levels levels) {
        List<AnswerRow> answers = new ArrayList<>();
        double socItem = levels.soc() / 13;
        for (int i = 1; i <= 13; i++) {
            if (random.nextInt(50) == 0) {
                continue;
            }
            int scored = clamp(Math.round(socItem + 0.9 * random.nextGaussian()), 1, 7);
            answers.add(new AnswerRow("SOC-13", Integer.toString(i), SOC_REVERSED.contains(i) ? 8 - scored : scored, null));
        }
        double hmeItem = 1 + levels.hme() / 25;
        for (int i = 1; i <= 9; i++) {
            if (random.nextInt(100) == 0) {
                continue;
            }
            answers.add(new AnswerRow("HME", Integer.toString(i), clamp(Math.round(hmeItem + 0.6 * random.nextGaussian()), 1, 5), null));
        }
        for (String item : OWN_ITEMS) {
            int value = clamp(Math.round(levels.own() + 0.7 * random.nextGaussian()), 1, 5);
            answers.add(new AnswerRow("KASAM-AM", item, item.equals("WORKLOAD2") ? 6 - value : value, null));
        }
        if (random.nextInt(12) == 0) {
            answers.add(new AnswerRow("KASAM-AM", "COMMENT", null, COMMENTS.get(random.nextInt(COMMENTS.size()))));
        }
        return answers;
    }

    private static int clamp(long v, int min, int max) {
        return (int) Math.max(min, Math.min(max, v));
    }

    /** The mean SOC-13 total of complete responses by gender, for the test. */
    static Map<String, Double> meanSocByGender(List<EmployeeRow> employees, List<ResponseRow> rows) {
        Map<String, String> gender = new LinkedHashMap<>();
        employees.forEach(e -> gender.put(e.employeeNumber(), e.legalGender()));
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (ResponseRow r : rows) {
            List<AnswerRow> soc = r.answers().stream().filter(a -> a.instrument().equals("SOC-13")).toList();
            if (soc.size() == 13) {
                double total = soc.stream().mapToInt(a -> SOC_REVERSED.contains(Integer.parseInt(a.item())) ? 8 - a.value() : a.value()).sum();
                double[] s = sums.computeIfAbsent(gender.get(r.employeeNumber()), g -> new double[2]);
                s[0] += total;
                s[1]++;
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((g, s) -> means.put(g, s[0] / s[1]));
        return means;
    }
}
