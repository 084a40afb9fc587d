package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import se.kasam.workshops.Booking;
import se.kasam.workshops.Employee;
import se.kasam.workshops.mapping.BookingView;
import se.kasam.workshops.repository.BookingRepository;

/** Maps bookings to their API view, with the waitlist place they hold now. */
@ApplicationScoped
public class BookingViews {
    @Inject
    BookingRepository bookings;

    public BookingView of(Booking b, Employee employee, List<String> warnings) {
        return of(b, employee, warnings, b.is(Booking.Status.WAITLISTED) ? bookings.waitlistPosition(b) : null);
    }

    /** With the waitlist place already known (a whole session's list, read in arrival order). */
    public BookingView of(Booking b, Employee employee, List<String> warnings, Integer position) {
        return new BookingView(b.id, b.sessionId, b.moduleCode, b.employeeNumber,
                employee == null ? null : employee.name, b.status, position, b.hours, b.cancelReason, b.bookedBy,
                b.createdAt, b.updatedAt, b.version, warnings.isEmpty() ? null : List.copyOf(warnings));
    }
}
