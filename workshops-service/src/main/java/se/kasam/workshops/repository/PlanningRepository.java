package se.kasam.workshops.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the planner reads: who holds which module, the planned sessions' free seats, who is away when. */
@ApplicationScoped
public class PlanningRepository {
    @Inject
    EntityManager em;

    /** An employee's booking that holds a module: its state and its session's end. */
    public record Holding(String employeeNumber, String moduleCode, String status, OffsetDateTime sessionEndsAt) {
    }

    /** A planned session with its free seats. */
    public record Open(UUID id, String moduleCode, OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName,
                       Double latitude, Double longitude, int free) {
    }

    /** One of a workplace's staff booked away at a time. */
    public record Away(String unitCode, OffsetDateTime startsAt) {
    }

    @SuppressWarnings("unchecked")
    public List<Holding> holdings() {
        List<Object[]> rows = em.createNativeQuery("""
                        select b.employee_number, b.module_code, b.status, s.ends_at from booking b
                        join session s on s.id = b.session_id where b.status in ('BOOKED', 'WAITLISTED', 'ATTENDED')""")
                .getResultList();
        return rows.stream().map(r -> new Holding((String) r[0], (String) r[1], (String) r[2], time(r[3]))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Open> openSessions(List<String> modules, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.module_code, s.starts_at, s.ends_at, s.place_name, s.latitude, s.longitude,
                               s.capacity - (select count(*) from booking b where b.session_id = s.id
                                             and b.status in ('BOOKED', 'ATTENDED', 'ABSENT'))
                        from session s where s.status = 'PLANNED' and s.module_code = any(?1)
                        and s.starts_at >= ?2 and s.starts_at < ?3 order by s.starts_at, s.id""")
                .setParameter(1, modules.toArray(String[]::new)).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(r -> new Open((UUID) r[0], (String) r[1], time(r[2]), time(r[3]), (String) r[4],
                (Double) r[5], (Double) r[6], ((Number) r[7]).intValue())).filter(o -> o.free() > 0).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Away> awayBetween(OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> rows = em.createNativeQuery("""
                        select b.unit_code, s.starts_at from booking b join session s on s.id = b.session_id
                        where b.status = 'BOOKED' and s.status = 'PLANNED' and s.starts_at >= ?1 and s.starts_at < ?2""")
                .setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(r -> new Away((String) r[0], time(r[1]))).toList();
    }

    /** Staff per workplace on a day. */
    @SuppressWarnings("unchecked")
    public List<Object[]> staffByUnit(LocalDate day) {
        return em.createNativeQuery("""
                        select unit_code, count(*) from employee
                        where start_date <= ?1 and (end_date is null or end_date >= ?1) group by unit_code""")
                .setParameter(1, day).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> unavailableDays(LocalDate from, LocalDate to) {
        return em.createNativeQuery("select employee_number, day from unavailable_day where day between ?1 and ?2")
                .setParameter(1, from).setParameter(2, to).getResultList();
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
