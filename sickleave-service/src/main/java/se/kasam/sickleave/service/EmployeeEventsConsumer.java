package se.kasam.sickleave.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kasam.platform.inbox.ConsumerDrain;
import se.kasam.platform.inbox.Inbox;
import se.kasam.sickleave.mapping.EmployeeChanged;

/** Feeds the employee projection from kasam.participants.employees, once per event, in order per employee. */
@ApplicationScoped
public class EmployeeEventsConsumer {
    private static final Logger LOG = Logger.getLogger(EmployeeEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    EmployeeProjection projection;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Incoming("participants-employees")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ConsumerDrain.Stopping.class)
    public void onEmployeeEvent(ConsumerRecord<String, String> record) {
        inbox.processOnce("employee-projection", record, event -> {
            if (EmployeeChanged.TYPE.equals(event.type())) {
                projection.apply(event.dataAs(EmployeeChanged.class, json), Events.day(event, clock));
            } else {
                LOG.debugf("ignoring event type %s", event.type());
            }
        });
    }
}
