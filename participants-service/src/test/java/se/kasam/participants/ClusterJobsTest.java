package se.kasam.participants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.kasam.platform.jobs.ClusterJobs;

/** Platform-core's job lock, against the real database (two threads stand for two replicas). */
@QuarkusTest
class ClusterJobsTest {
    @Inject
    ClusterJobs jobs;

    @Test
    void aJobStartedTwiceAtOnceRunsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Runnable job = () -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                // still running while the other replica tries
                secondDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = replicas.submit(() -> jobs.runExclusively("test.overlap", job));
            assertTrue(inside.await(30, TimeUnit.SECONDS), "the first run started");
            Future<Boolean> second = replicas.submit(() -> {
                try {
                    return jobs.runExclusively("test.overlap", job);
                } finally {
                    secondDone.countDown();
                }
            });
            assertFalse(second.get(30, TimeUnit.SECONDS), "the second run skips");
            assertTrue(first.get(30, TimeUnit.SECONDS));
            assertEquals(1, runs.get());
        } finally {
            replicas.shutdownNow();
        }
        // released when done: the next run takes it
        assertTrue(jobs.runExclusively("test.overlap", runs::incrementAndGet));
        assertEquals(2, runs.get());
    }
}
