package se.kasam.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnummerGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"19121212-1212", "121212-1212", "191212121212", "1212121212", "20121212+1212",
            " 121212-1212 ", "19701063-2391" /* samordningsnummer: day 03 + 60 */})
    void recognisesPersonnummerInEveryCommonShape(String value) {
        assertTrue(PersonnummerGuard.looksLikePersonnummer(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"121212-1213" /* check digit wrong */, "19121312-1212" /* month 13 */, "100234",
            "E-10023", "Anna Andersson", "anna@example.org", "12121212", ""})
    void leavesEmployeeNumbersNamesAndNearMissesAlone(String value) {
        assertFalse(PersonnummerGuard.looksLikePersonnummer(value), value);
    }

    @org.junit.jupiter.api.Test
    void nullIsNotOne() {
        assertFalse(PersonnummerGuard.looksLikePersonnummer(null));
    }
}
