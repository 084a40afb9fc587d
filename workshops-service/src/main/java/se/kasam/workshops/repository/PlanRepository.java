package se.kasam.workshops.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Booking plans: their state, score and the proposal as JSON (the best so far while solving). */
@ApplicationScoped
public class PlanRepository {
    @Inject
    EntityManager em;

    public record Row(UUID id, String status, String score, int parties, String proposal, Long firstFeasibleMs) {
    }

    public void insert(UUID id, int parties, String by, OffsetDateTime now) {
        em.createNativeQuery("""
                        insert into booking_plan (id, status, parties, created_by, created_at, updated_at)
                        values (?1, 'SOLVING', ?2, ?3, ?4, ?4)""")
                .setParameter(1, id).setParameter(2, parties).setParameter(3, by).setParameter(4, now).executeUpdate();
    }

    /** Records a better plan; the first feasible time is kept once set; a plan accepted or failed stays so. */
    public void update(UUID id, String status, String score, String proposal, Long firstFeasibleMs, OffsetDateTime now) {
        em.createNativeQuery("""
                        update booking_plan set status = ?2, score = ?3, proposal = cast(?4 as jsonb),
                            first_feasible_ms = coalesce(first_feasible_ms, ?5), updated_at = ?6
                        where id = ?1 and status in ('SOLVING', 'DONE')""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, score).setParameter(4, proposal)
                .setParameter(5, firstFeasibleMs).setParameter(6, now).executeUpdate();
    }

    public void setStatus(UUID id, String status, OffsetDateTime now) {
        em.createNativeQuery("update booking_plan set status = ?2, updated_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, now).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<Row> find(UUID id, boolean lock) {
        List<Object[]> rows = em.createNativeQuery("select id, status, score, parties, proposal::text, first_feasible_ms "
                        + "from booking_plan where id = ?1" + (lock ? " for update" : ""))
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue()));
    }
}
