package se.kasam.sickleave.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Each night: the new day's ordinary hours, open spells growing (long-term from day 60) and signals falling due.
 */
@ApplicationScoped
public class NightlyRecompute {
    private static final Logger LOG = Logger.getLogger(NightlyRecompute.class);

    @Inject
    FactService facts;

    @Scheduled(cron = "${kasam.sickleave.nightly-cron}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void run() {
        long started = System.nanoTime();
        int written = facts.recomputeAll();
        LOG.infof("nightly: %d monthly facts recomputed in %d ms", written, (System.nanoTime() - started) / 1_000_000);
    }
}
