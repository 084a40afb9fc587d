package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.Booking;
import se.kasam.workshops.Employee;
import se.kasam.workshops.Session;
import se.kasam.workshops.mapping.AttendanceInput;
import se.kasam.workshops.mapping.BookingView;
import se.kasam.workshops.repository.BookingRepository;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.SessionRepository;

/**
 * The session's facilitator, or the project lead, marks each booking attended or absent once the session has begun;
 * the session is then held. Hours go to the ledger; marking again corrects them there.
 */
@ApplicationScoped
public class AttendanceService {
    @Inject
    Clock clock;

    @Inject
    WorkshopsAccess access;

    @Inject
    SessionRepository sessions;

    @Inject
    BookingRepository bookings;

    @Inject
    EmployeeRepository employees;

    @Inject
    ModuleRepository modules;

    @Inject
    HourLedger ledger;

    @Inject
    WorkshopEvents events;

    @Inject
    BookingViews views;

    @Transactional
    public List<BookingView> mark(UUID sessionId, AttendanceInput input) {
        Session session = sessions.findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
        access.leads(session);
        sessions.lock(session);
        if (session.is(Session.Status.CANCELLED)) {
            throw ProblemException.conflict("session " + sessionId + " is cancelled");
        }
        if (session.startsAt.isAfter(OffsetDateTime.now(clock))) {
            throw ProblemException.conflict("session " + sessionId + " has not begun: attendance is marked from its start");
        }
        BigDecimal moduleHours = modules.findById(session.moduleCode).hours;
        List<Booking> marked = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < input.marks().size(); i++) {
            AttendanceInput.Mark mark = input.marks().get(i);
            String field = "marks[" + i + "].bookingId";
            Booking booking = bookings.findById(mark.bookingId());
            if (booking == null || !booking.sessionId.equals(sessionId)) {
                throw ProblemException.invalid(field, "OfSession", "no booking " + mark.bookingId() + " at this session");
            }
            if (!seen.add(booking.id)) {
                throw ProblemException.invalid(field, "Unique", "booking " + booking.id + " is marked twice");
            }
            if (booking.is(Booking.Status.WAITLISTED) || booking.is(Booking.Status.CANCELLED)) {
                throw ProblemException.invalid(field, "Seated", "booking " + booking.id + " is "
                        + booking.status.toLowerCase() + ": it had no seat");
            }
            if (mark.hours() != null && mark.status().equals("ABSENT")) {
                throw ProblemException.invalid("marks[" + i + "].hours", "OnlyAttended", "an absence has no hours");
            }
            marked.add(booking);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<BookingView> result = new ArrayList<>();
        for (int i = 0; i < marked.size(); i++) {
            Booking booking = marked.get(i);
            AttendanceInput.Mark mark = input.marks().get(i);
            boolean attended = mark.status().equals("ATTENDED");
            BigDecimal hours = attended ? (mark.hours() == null ? moduleHours : mark.hours()) : null;
            Employee employee = employees.findById(booking.employeeNumber);
            ledger.set(employee, session.moduleCode, booking.id, day(session), attended ? hours : BigDecimal.ZERO);
            if (!booking.status.equals(mark.status()) || !sameHours(booking.hours, hours)) {
                booking.status = mark.status();
                booking.hours = hours;
                booking.updatedAt = now;
                bookings.flush();
                events.booking(booking, session, mark.status());
            }
            result.add(views.of(booking, employee, List.of()));
        }
        if (!session.is(Session.Status.HELD)) {
            session.status = Session.Status.HELD.name();
            session.updatedAt = now;
            sessions.flush();
            events.session(session);
        }
        return result;
    }

    private static boolean sameHours(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private java.time.LocalDate day(Session session) {
        return session.startsAt.atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
