package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleOrderTest {
    private static final OffsetDateTime NINE = OffsetDateTime.parse("2019-10-08T09:00:00+02:00");

    @Test
    void attendedAtAnyTimeOrBookedToEndBeforeTheNewSessionStarts() {
        assertTrue(ModuleOrder.satisfied(List.of(new ModuleOrder.Prior("ATTENDED", NINE.plusDays(3))), NINE));
        assertTrue(ModuleOrder.satisfied(List.of(new ModuleOrder.Prior("BOOKED", NINE)), NINE));
        assertTrue(ModuleOrder.satisfied(List.of(new ModuleOrder.Prior("BOOKED", NINE.minusDays(1))), NINE));
    }

    @Test
    void nothingLaterWaitlistedCancelledOrAbsentCounts() {
        assertFalse(ModuleOrder.satisfied(List.of(), NINE));
        assertFalse(ModuleOrder.satisfied(List.of(new ModuleOrder.Prior("BOOKED", NINE.plusMinutes(1))), NINE));
        assertFalse(ModuleOrder.satisfied(List.of(new ModuleOrder.Prior("WAITLISTED", NINE.minusDays(1)),
                new ModuleOrder.Prior("CANCELLED", NINE.minusDays(1)), new ModuleOrder.Prior("ABSENT", NINE.minusDays(1))), NINE));
    }
}
