package se.kasam.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the handler's change, so a
 * redelivered event is skipped and a failed one leaves no trace. Consumers call it from an {@code @Incoming}
 * method marked {@code @Retry(abortOn = ConsumerDrain.Stopping.class)} on a channel with
 * {@code failure-strategy=kasam-dead-letter-queue}: when the retries are spent the record goes to the dead-letter
 * topic and the partition keeps flowing, unless the instance is stopping (see {@link ConsumerDrain}).
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ConsumerDrain drain;

    /**
     * @return false when this consumer had already processed the event
     * @throws ConsumerDrain.Stopping when the instance is stopping: the event is not processed here
     */
    public boolean processOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        if (!drain.enter()) {
            throw new ConsumerDrain.Stopping();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> recordAndHandle(consumer, record, handler));
        } finally {
            drain.exit();
        }
    }

    private boolean recordAndHandle(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(record, json);
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s: event %s already processed, skipped", consumer, event.id());
            return false;
        }
        handler.accept(event);
        return true;
    }
}
