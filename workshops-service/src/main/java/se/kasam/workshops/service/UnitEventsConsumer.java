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
import se.kasam.workshops.mapping.UnitChanged;

/** Feeds the unit projection from kasam.participants.units, once per event, in order per key. */
@ApplicationScoped
public class UnitEventsConsumer {
    @Inject
    Inbox inbox;

    @Inject
    Projections projections;

    @Inject
    ObjectMapper json;

    @Incoming("participants-units")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ConsumerDrain.Stopping.class)
    public void onUnitEvent(ConsumerRecord<String, String> record) {
        inbox.processOnce("unit-projection", record, event -> {
            if (UnitChanged.TYPE.equals(event.type())) {
                projections.apply(event.dataAs(UnitChanged.class, json));
            }
        });
    }
}
