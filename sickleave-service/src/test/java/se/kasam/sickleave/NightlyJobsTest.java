package se.kasam.sickleave;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.kasam.platform.jobs.ClusterJobs;
import se.kasam.sickleave.service.NightlyRecompute;

/** The nightly recompute runs on one replica at a time: this one skips while another holds the job. */
@QuarkusTest
class NightlyJobsTest {
    @Inject
    NightlyRecompute nightly;

    @Inject
    ClusterJobs jobs;

    @Test
    void theNightlyRecomputeSkipsWhileAnotherReplicaRunsIt() {
        boolean[] ranHere = {true};
        assertTrue(jobs.runExclusively(NightlyRecompute.NAME, () -> ranHere[0] = nightly.run()));
        assertFalse(ranHere[0], "skipped while the other replica runs it");
        assertTrue(nightly.run(), "runs once the other is done");
    }
}
