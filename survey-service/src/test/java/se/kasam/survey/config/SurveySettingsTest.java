package se.kasam.survey.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import se.kasam.survey.rules.Pseudonym;

class SurveySettingsTest {

    @Test
    void theThresholdIsNeverBelowThreeAndTheOthersNeverBelowIt() {
        assertDoesNotThrow(() -> SurveySettings.check(5, 10, 10));
        assertDoesNotThrow(() -> SurveySettings.check(3, 3, 3));
        assertThrows(IllegalStateException.class, () -> SurveySettings.check(2, 10, 10));
        assertThrows(IllegalStateException.class, () -> SurveySettings.check(5, 4, 10));
        assertThrows(IllegalStateException.class, () -> SurveySettings.check(5, 10, 4));
    }

    @Test
    void aShortPseudonymKeyIsRefusedAndTheSameNumberGivesTheSamePseudonym() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonym("too-short"));
        Pseudonym one = new Pseudonym("0123456789abcdef0123456789abcdef");
        Pseudonym other = new Pseudonym("fedcba9876543210fedcba9876543210");
        org.junit.jupiter.api.Assertions.assertEquals(one.of("D0005"), one.of("D0005"));
        org.junit.jupiter.api.Assertions.assertNotEquals(one.of("D0005"), other.of("D0005"));
        org.junit.jupiter.api.Assertions.assertEquals(64, one.of("D0005").length());
    }
}
