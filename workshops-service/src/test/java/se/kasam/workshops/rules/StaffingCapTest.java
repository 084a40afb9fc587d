package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffingCapTest {
    @ParameterizedTest
    @CsvSource({"10, 30, 3", "9, 30, 2", "100, 30, 30", "3, 30, 1", "1, 30, 1", "0, 30, 1", "20, 100, 20", "7, 50, 3"})
    void theLimitIsTheShareRoundedDownButAlwaysOne(int staff, int percent, int limit) {
        assertEquals(limit, new StaffingCap(staff, percent).limit());
    }

    @Test
    void aGroupMustFitWhole() {
        StaffingCap cap = new StaffingCap(10, 30);
        assertTrue(cap.allows(0, 3));
        assertTrue(cap.allows(2, 1));
        assertFalse(cap.allows(3, 1));
        assertFalse(cap.allows(1, 3));
    }

    @Test
    void aShareOutsideOneToHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StaffingCap(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new StaffingCap(10, 101));
    }
}
