package se.kasam.workshops.rules;

import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * Module n+1 only after module n: a booking of a module that follows another needs that other module attended, or
 * booked in a session that ends before the new one starts.
 */
public final class ModuleOrder {
    /** A booking of the preceding module: its state and its session's end. */
    public record Prior(String status, OffsetDateTime sessionEndsAt) {
    }

    private ModuleOrder() {
    }

    public static boolean satisfied(Collection<Prior> priorBookings, OffsetDateTime newSessionStartsAt) {
        return priorBookings.stream().anyMatch(p -> p.status().equals("ATTENDED")
                || (p.status().equals("BOOKED") && !p.sessionEndsAt().isAfter(newSessionStartsAt)));
    }
}
