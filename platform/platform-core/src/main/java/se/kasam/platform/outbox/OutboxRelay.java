package se.kasam.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import se.kasam.platform.kafka.TopicBootstrap;

/**
 * Sends outbox rows to Kafka as binary-mode CloudEvents, in id order, and deletes them once acknowledged.
 * One relay at a time per database (a transaction-scoped advisory lock), so replicas cannot reorder a key's
 * events. Kafka down (any failure a retry may cure): the batch rolls back and is retried at the next poll, in the
 * same order; nothing is lost. An event Kafka refuses for good ({@link KafkaRefusal}: too large, invalid topic)
 * is moved to {@code outbox_parked} with the reason and counted, and the events after it go on, those of the same
 * key included: every event carries its aggregate's whole state, so a later one supersedes the parked one.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * The advisory lock the relay holds while it sends. Any constant works; it only has to be the same for every
     * replica of a service. Whoever holds it (a test, ops) keeps the relay from sending.
     */
    public static final long RELAY_LOCK = 0x6b6173616d4f42L;

    @Inject
    EntityManager em;

    @Inject
    TopicBootstrap topics;

    @Inject
    OutboxBacklog backlog;

    @Inject
    @Channel("kasam-outbox")
    Emitter<String> emitter;

    @ConfigProperty(name = "kasam.events.source")
    URI source;

    @ConfigProperty(name = "kasam.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "kasam.outbox.ack-timeout", defaultValue = "30s")
    Duration ackTimeout;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kasam-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean failing;

    /** Asks for a drain soon; calls while one is pending coalesce. Between start and stop only. */
    public void wakeUp() {
        if (running && pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** After the messaging channels are connected (they are at an earlier priority of the same event). */
    void onStart(@Observes StartupEvent event) {
        running = true;
    }

    /** Not before the application has started: the Kafka channel may not be connected yet. */
    @Scheduled(every = "${kasam.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        pending.set(false);
        try {
            topics.ensureCreated();
            int sent;
            do {
                sent = relayBatch();
            } while (sent == batchSize);
            if (failing) {
                LOG.info("outbox relay: Kafka reachable again, backlog sent");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("outbox relay: cannot send yet (%s); events stay in the outbox and are retried", e.toString());
                failing = true;
            }
        }
    }

    /** Sends one batch and deletes it (parking what Kafka refuses), in one transaction; returns how many were read. */
    int relayBatch() {
        int[] parked = {0};
        int read = QuarkusTransaction.requiringNew().timeout((int) ackTimeout.toSeconds() + 10).call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("order by id").page(0, batchSize).list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(send(event));
            }
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    acks.get(i).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!KafkaRefusal.isPermanent(e.getCause())) {
                        throw e; // rolls the whole batch back: retried later, in order
                    }
                    park(batch.get(i), e.getCause());
                    parked[0]++;
                }
            }
            // exactly the rows read: a row with a lower id may have been committed after our read
            em.createQuery("delete from OutboxEvent e where e.id in :sent")
                    .setParameter("sent", batch.stream().map(e -> e.id).toList())
                    .executeUpdate();
            return batch.size();
        });
        if (parked[0] > 0) {
            backlog.countParked(parked[0]);
        }
        return read;
    }

    private void park(OutboxEvent event, Throwable refusal) {
        em.createNativeQuery("insert into outbox_parked (id, event_id, topic, event_key, event_type, subject, occurred_at,"
                        + " payload, reason) select id, event_id, topic, event_key, event_type, subject, occurred_at,"
                        + " payload, ?2 from outbox_event where id = ?1")
                .setParameter(1, event.id).setParameter(2, refusal.toString()).executeUpdate();
        LOG.errorf("outbox relay: Kafka refused event %s (%s on %s, key %s) for good: %s; parked in outbox_parked",
                event.eventId, event.type, event.topic, event.key, refusal);
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.key)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId.toString())
                        .withType(event.type)
                        .withSource(source)
                        .withSubject(event.subject)
                        .withTimestamp(event.occurredAt.toZonedDateTime())
                        .withDataContentType("application/json")
                        .build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
