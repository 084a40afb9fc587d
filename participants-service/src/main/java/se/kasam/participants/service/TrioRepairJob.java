package se.kasam.participants.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kasam.platform.jobs.ClusterJobs;

/** Each night, in the municipality's night: repairs the groups of members whose end date has come. */
@ApplicationScoped
public class TrioRepairJob {
    public static final String NAME = "participants.trio-repair";

    @Inject
    TrioService trios;

    @Inject
    ClusterJobs jobs;

    @Scheduled(cron = "${kasam.trio.repair-cron:0 10 0 * * ?}", timeZone = "${kasam.time.zone}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        run();
    }

    /** @return whether this replica ran it (false: another replica was running it) */
    public boolean run() {
        return jobs.runExclusively(NAME, trios::repairLeavers);
    }
}
