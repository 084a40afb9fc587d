package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kasam.workshops.Booking;
import se.kasam.workshops.rules.ModuleOrder;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {
    /** The states that hold a seat, and the ones that hold the employee's one booking of a module. */
    private static final List<String> SEATED = List.of("BOOKED", "ATTENDED", "ABSENT");
    private static final List<String> HOLDING = List.of("BOOKED", "WAITLISTED", "ATTENDED");

    public long nextArrival() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('booking_arrival')").getSingleResult())
                .longValue();
    }

    public int seated(UUID sessionId) {
        return Math.toIntExact(count("sessionId = ?1 and status in ?2", sessionId, SEATED));
    }

    /** The session's waitlist, first come first. */
    public List<Booking> waitlist(UUID sessionId) {
        return list("sessionId = ?1 and status = 'WAITLISTED'", Sort.by("arrival"), sessionId);
    }

    public int waitlisted(UUID sessionId) {
        return Math.toIntExact(count("sessionId = ?1 and status = 'WAITLISTED'", sessionId));
    }

    /** 1 for the first on the waitlist. */
    public int waitlistPosition(Booking booking) {
        return Math.toIntExact(count("sessionId = ?1 and status = 'WAITLISTED' and arrival <= ?2",
                booking.sessionId, booking.arrival));
    }

    public List<Booking> ofSession(UUID sessionId) {
        return list("sessionId", Sort.by("arrival"), sessionId);
    }

    public List<Booking> ofEmployee(String employeeNumber) {
        return list("employeeNumber", Sort.by("createdAt"), employeeNumber);
    }

    /** The employee's booking that holds the module (booked, waitlisted or attended), if any. */
    public Optional<Booking> holding(String employeeNumber, String moduleCode) {
        return find("employeeNumber = ?1 and moduleCode = ?2 and status in ?3", employeeNumber, moduleCode, HOLDING)
                .firstResultOptional();
    }

    /** The employee's bookings of a module with their sessions' ends, for the module order. */
    public List<ModuleOrder.Prior> priors(String employeeNumber, String moduleCode) {
        return getEntityManager().createQuery("""
                        select new se.kasam.workshops.rules.ModuleOrder$Prior(b.status, s.endsAt)
                        from Booking b, Session s where s.id = b.sessionId
                        and b.employeeNumber = ?1 and b.moduleCode = ?2""", ModuleOrder.Prior.class)
                .setParameter(1, employeeNumber).setParameter(2, moduleCode).getResultList();
    }

    /** How many of a workplace's staff are booked into planned sessions that overlap the given time. */
    public int away(String unitCode, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return ((Number) getEntityManager().createQuery("""
                        select count(distinct b.employeeNumber) from Booking b, Session s where s.id = b.sessionId
                        and b.unitCode = ?1 and b.status = 'BOOKED' and s.status = 'PLANNED'
                        and s.startsAt < ?3 and s.endsAt > ?2""")
                .setParameter(1, unitCode).setParameter(2, startsAt).setParameter(3, endsAt).getSingleResult()).intValue();
    }

    /** The employee's bookings and waitlist places at planned sessions that start after the given time. */
    public List<Booking> upcoming(String employeeNumber, OffsetDateTime after) {
        return getEntityManager().createQuery("""
                        select b from Booking b, Session s where s.id = b.sessionId and b.employeeNumber = ?1
                        and b.status in ('BOOKED', 'WAITLISTED') and s.status = 'PLANNED' and s.startsAt > ?2
                        order by s.startsAt""", Booking.class)
                .setParameter(1, employeeNumber).setParameter(2, after).getResultList();
    }

    /** Bookings and waitlist places still open at a session. */
    public List<Booking> open(UUID sessionId) {
        return list("sessionId = ?1 and status in ('BOOKED', 'WAITLISTED')", Sort.by("arrival"), sessionId);
    }
}
