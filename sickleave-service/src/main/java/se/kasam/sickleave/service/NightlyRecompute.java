package se.kasam.sickleave.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import se.kasam.platform.jobs.ClusterJobs;

/**
 * Each night, in the municipality's night: the new day's ordinary hours, open spells growing (long-term from day 60)
 * and signals falling due. On one replica at a time.
 */
@ApplicationScoped
public class NightlyRecompute {
    private static final Logger LOG = Logger.getLogger(NightlyRecompute.class);

    public static final String NAME = "sickleave.nightly-recompute";

    @Inject
    FactService facts;

    @Inject
    ClusterJobs jobs;

    @Scheduled(cron = "${kasam.sickleave.nightly-cron}", timeZone = "${kasam.time.zone}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        run();
    }

    /** @return whether this replica ran it (false: another replica was running it) */
    public boolean run() {
        return jobs.runExclusively(NAME, this::recompute);
    }

    @Transactional
    void recompute() {
        long started = System.nanoTime();
        int written = facts.recomputeAll();
        LOG.infof("nightly: %d monthly facts recomputed in %d ms", written, (System.nanoTime() - started) / 1_000_000);
    }
}
