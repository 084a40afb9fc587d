package se.kasam.workshops.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kasam.platform.inbox.ConsumerDrain;
import se.kasam.platform.inbox.Inbox;
import se.kasam.workshops.mapping.TrioGroupChanged;

/** Feeds the trio group projection from kasam.participants.triogroups, once per event, in order per key. */
@ApplicationScoped
public class TrioGroupEventsConsumer {
    @Inject
    Inbox inbox;

    @Inject
    Projections projections;

    @Inject
    ObjectMapper json;

    @Incoming("participants-triogroups")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ConsumerDrain.Stopping.class)
    public void onTrioGroupEvent(ConsumerRecord<String, String> record) {
        inbox.processOnce("triogroup-projection", record, event -> {
            if (TrioGroupChanged.TYPE.equals(event.type())) {
                projections.apply(event.dataAs(TrioGroupChanged.class, json));
            }
        });
    }
}
