package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import se.kasam.sickleave.config.SickleaveConfig;
import se.kasam.sickleave.repository.FactRepository;
import se.kasam.sickleave.repository.FactRepository.Inputs;
import se.kasam.sickleave.rules.MonthlyFacts;
import se.kasam.sickleave.rules.MonthlyFacts.Fact;

/**
 * Keeps the monthly facts exact: every change of an employee or a spell recomputes the facts (and follow-up
 * signals) of the employees it touches, in the same transaction; the nightly run recomputes everyone, for the new
 * day's ordinary hours and for open spells growing long.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactService {
    private static final int CHUNK = 5_000;

    @Inject
    FactRepository facts;

    @Inject
    FollowUpService followUps;

    @Inject
    SickleaveConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PublicationService publications;

    /** Everyone's facts, a chunk of employees at a time (so memory stays bounded at any size). */
    @SuppressWarnings("unchecked")
    public int recomputeAll() {
        List<String> everyone = em.createNativeQuery(
                "select employee_number from employee union select employee_number from spell", String.class).getResultList();
        int facts = 0;
        for (int i = 0; i < everyone.size(); i += CHUNK) {
            facts += recompute(everyone.subList(i, Math.min(everyone.size(), i + CHUNK)));
        }
        return facts;
    }

    public int recompute(Collection<String> employees) {
        if (employees.isEmpty()) {
            return 0;
        }
        lock();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = liveFrom();
        Map<String, Inputs> inputs = facts.inputs(employees);
        List<Fact> computed = inputs.values().parallelStream()
                .filter(in -> in.basis != null)
                .flatMap(in -> MonthlyFacts.compute(in.basis, in.history, in.sickSpells, from, today).stream())
                .toList();
        facts.replace(employees, from, computed);
        publications.factsChanged();
        followUps.update(inputs, today);
        return computed.size();
    }

    /**
     * Spells and facts are written by one transaction at a time. A spell change and the refresh after an employee
     * event may touch the same employee; run side by side, each would replace the facts the other just wrote
     * (stale figures, or a duplicate key). Imports also need it so their overlap check sees what the other wrote.
     */
    public void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('sickleave.facts'))").getSingleResult();
    }

    /** The first day of the months kept as facts: the configured first month, or after the archived ones. */
    public LocalDate liveFrom() {
        LocalDate first = YearMonth.parse(config.firstMonth()).atDay(1);
        LocalDate archived = (LocalDate) em.createNativeQuery("select max(month) from archived_month", LocalDate.class)
                .getSingleResult();
        LocalDate afterArchive = archived == null ? first : archived.plusMonths(1);
        return afterArchive.isAfter(first) ? afterArchive : first;
    }
}
