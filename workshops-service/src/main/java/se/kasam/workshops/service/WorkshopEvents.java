package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import se.kasam.platform.outbox.Outbox;
import se.kasam.workshops.Booking;
import se.kasam.workshops.Session;

/**
 * kasam.workshops.attendance: a booking's whole state after each change (booked, waitlisted, promoted, cancelled,
 * attended, absent) and a session's (cancelled, held). Schemas in resources/events. Callers flush first, so the
 * version is the one stored.
 */
@ApplicationScoped
public class WorkshopEvents {
    public static final String TOPIC = "kasam.workshops.attendance";
    public static final String BOOKING = "kasam.workshops.booking.changed.v1";
    public static final String SESSION = "kasam.workshops.session.changed.v1";

    @Inject
    Outbox outbox;

    public record BookingChanged(UUID bookingId, UUID sessionId, String moduleCode, String employeeNumber,
                                 String status, String change, BigDecimal hours, OffsetDateTime sessionStartsAt,
                                 int version) {
    }

    public record SessionChanged(UUID sessionId, String moduleCode, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                 String placeName, int capacity, String status, int version) {
    }

    /** @param change what happened: BOOKED, WAITLISTED, PROMOTED, CANCELLED, SESSION_CANCELLED, LEFT, ATTENDED, ABSENT */
    @Transactional(Transactional.TxType.MANDATORY)
    void booking(Booking booking, Session session, String change) {
        outbox.publish(TOPIC, BOOKING, booking.id.toString(), new BookingChanged(booking.id, booking.sessionId,
                booking.moduleCode, booking.employeeNumber, booking.status, change, booking.hours, session.startsAt,
                booking.version));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void session(Session session) {
        outbox.publish(TOPIC, SESSION, session.id.toString(), new SessionChanged(session.id, session.moduleCode,
                session.startsAt, session.endsAt, session.placeName, session.capacity, session.status,
                session.version));
    }
}
