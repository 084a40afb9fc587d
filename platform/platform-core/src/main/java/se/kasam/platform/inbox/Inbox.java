package se.kasam.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the handler's change, so a
 * redelivered event is skipped and a failed one leaves no trace. Consumers call it from an {@code @Incoming}
 * method marked {@code @Retry}; when the retries are spent the connector moves the record to the dead-letter
 * topic and the partition keeps flowing.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** @return false when this consumer had already processed the event */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean processOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
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
