package se.kasam.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import se.kasam.platform.jdbc.BulkCopy;

/**
 * Publishes an event atomically with the caller's database change: the event is a row in the caller's
 * transaction, so a rollback publishes nothing and a crash after commit still delivers (the relay sends it).
 */
@ApplicationScoped
public class Outbox {
    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";
    private static final List<String> COLUMNS =
            List.of("event_id", "topic", "event_key", "event_type", "subject", "occurred_at", "payload");

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    BulkCopy bulk;

    @Inject
    Clock clock;

    /** One event of a batch: its aggregate id and data. */
    public record Pending(String subject, Object data) {
    }

    /**
     * @param topic   the Kafka topic
     * @param type    the CloudEvents type, e.g. {@code kasam.participants.employee.changed.v1}
     * @param subject the aggregate id: CloudEvents subject and Kafka key, so one aggregate's events keep order
     * @param data    the event data, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.key = subject;
        event.type = type;
        event.subject = subject;
        event.occurredAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        event.payload = toJson(data);
        event.persist();
        wakeRelayAfterCommit();
    }

    /**
     * Publishes many events of one type at once (an import, a trio round), written with COPY; the relay sends them
     * in the given order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, String type, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> payloads = events.parallelStream().map(e -> toJson(e.data())).toList();
        bulk.copy("outbox_event", COLUMNS, () -> java.util.stream.IntStream.range(0, events.size())
                .mapToObj(i -> new Object[] {UUID.randomUUID(), topic, events.get(i).subject(), type,
                        events.get(i).subject(), now, payloads.get(i)})
                .iterator());
        wakeRelayAfterCommit();
    }

    /** The relay polls anyway; waking it at commit keeps the delay from change to event in milliseconds. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
