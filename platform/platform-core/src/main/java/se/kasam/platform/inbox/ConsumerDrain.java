package se.kasam.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets a stopping instance hand its partitions over cleanly (a rolling update, a scale-down, a second instance
 * that ends). At shutdown, before the database and Hibernate close, it stops taking messages and waits for the
 * ones in hand; from then on a message that fails is left uncommitted for the group's next member instead of
 * being dead-lettered: a failure caused by the instance's own shutdown says nothing about the message.
 */
@ApplicationScoped
public class ConsumerDrain {
    private static final Logger LOG = Logger.getLogger(ConsumerDrain.class);

    private final AtomicInteger inHand = new AtomicInteger();
    private volatile boolean stopping;

    @ConfigProperty(name = "kasam.consumers.drain-timeout", defaultValue = "20s")
    Duration drainTimeout;

    /** @return false once stopping: the caller must not process the message */
    boolean enter() {
        inHand.incrementAndGet();
        if (stopping) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (inHand.decrementAndGet() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** Early among the shutdown observers: the datasource and the EntityManagerFactory are still open. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (this) {
            while (inHand.get() > 0 && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        if (inHand.get() > 0) {
            LOG.warnf("stopping with %d message(s) still being processed; they are left uncommitted", inHand.get());
        }
    }

    /** Thrown for a message that arrives while the instance stops; the message is left for another member. */
    public static final class Stopping extends RuntimeException {
        Stopping() {
            super("this instance is stopping; the message is left uncommitted for the consumer group's next member",
                    null, false, false);
        }
    }
}
