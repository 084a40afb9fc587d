package se.kasam.sickleave.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import se.kasam.platform.jobs.ClusterJobs;

/**
 * Employee events are applied one by one; recomputing an employee's facts with each would make a batch of 50,000
 * events slow. So the consumer only marks the employee (in the event's transaction, so nothing is lost), and this
 * job recomputes the marked employees in bulk, a moment later. Spell changes recompute at once.
 */
@ApplicationScoped
public class FactRefresh {
    private static final Logger LOG = Logger.getLogger(FactRefresh.class);
    private static final int BATCH = 20_000;

    @Inject
    EntityManager em;

    @Inject
    FactService facts;

    @Inject
    ClusterJobs jobs;

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String employeeNumber) {
        em.createNativeQuery("insert into fact_refresh (employee_number) values (?1) on conflict do nothing")
                .setParameter(1, employeeNumber).executeUpdate();
    }

    @Scheduled(every = "${kasam.sickleave.fact-refresh-every:1s}", concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshMarked() {
        jobs.runExclusively("sickleave.fact-refresh", () -> {
            while (refreshSome() == BATCH) {
                LOG.debug("more employees to refresh");
            }
        });
    }

    /** @return how many employees were refreshed */
    @Transactional
    @SuppressWarnings("unchecked")
    public int refreshSome() {
        List<String> marked = em.createNativeQuery("""
                delete from fact_refresh where employee_number in (
                    select employee_number from fact_refresh limit ?1 for update skip locked)
                returning employee_number""", String.class).setParameter(1, BATCH).getResultList();
        if (!marked.isEmpty()) {
            facts.recompute(marked);
        }
        return marked.size();
    }
}
