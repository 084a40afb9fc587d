package se.kasam.deploy.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;

class SurveyAnswerGeneratorTest {
    static final List<EmployeeRow> STAFF = MunicipalityGenerator.generate(1300, 2026, LocalDate.of(2026, 1, 1)).employees();
    static final List<SurveyAnswerGenerator.ResponseRow> BASELINE = SurveyAnswerGenerator.generate(STAFF, false,
            LocalDate.of(2019, 9, 2), LocalDate.of(2019, 10, 31), 2026);
    static final List<SurveyAnswerGenerator.ResponseRow> FOLLOW_UP = SurveyAnswerGenerator.generate(STAFF, true,
            LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 15), 2026);

    @Test
    void aModestImprovementLargerAmongWomen() {
        Map<String, Double> before = SurveyAnswerGenerator.meanSocByGender(STAFF, BASELINE);
        Map<String, Double> after = SurveyAnswerGenerator.meanSocByGender(STAFF, FOLLOW_UP);
        double women = after.get("FEMALE") - before.get("FEMALE");
        double men = after.get("MALE") - before.get("MALE");
        assertTrue(before.get("FEMALE") > 55 && before.get("FEMALE") < 70, "a working population's SOC: " + before);
        assertTrue(women > 2 && women < 6, "women +" + women);
        assertTrue(men > -1 && men < women - 1, "men +" + men + ", women +" + women);
    }

    @Test
    void mostAnswerBothRoundsOnADayOfTheirWindow() {
        assertTrue(BASELINE.size() > 0.75 * STAFF.size() && BASELINE.size() < 0.85 * STAFF.size());
        Set<String> both = BASELINE.stream().map(SurveyAnswerGenerator.ResponseRow::employeeNumber).collect(Collectors.toSet());
        both.retainAll(FOLLOW_UP.stream().map(SurveyAnswerGenerator.ResponseRow::employeeNumber).collect(Collectors.toSet()));
        assertTrue(both.size() > 0.5 * STAFF.size(), "paired: " + both.size());
        assertTrue(FOLLOW_UP.stream().allMatch(r -> !r.submittedOn().isBefore(LocalDate.of(2021, 3, 1))
                && !r.submittedOn().isAfter(LocalDate.of(2021, 4, 15))));
        assertTrue(BASELINE.stream().allMatch(r -> r.answers().stream().anyMatch(a -> a.item().equals("HEALTH1"))),
                "the required item is always answered");
        assertEquals(BASELINE, SurveyAnswerGenerator.generate(STAFF, false, LocalDate.of(2019, 9, 2), LocalDate.of(2019, 10, 31), 2026));
    }
}
