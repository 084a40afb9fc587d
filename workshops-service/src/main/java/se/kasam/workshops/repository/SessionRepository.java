package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import se.kasam.workshops.Session;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    /**
     * Reads the session again with its row locked to the end of the transaction: every change to its seats and waitlist takes this
     * lock first, so they happen one at a time, in arrival order.
     */
    public void lock(Session session) {
        getEntityManager().refresh(session, LockModeType.PESSIMISTIC_WRITE);
    }
}
