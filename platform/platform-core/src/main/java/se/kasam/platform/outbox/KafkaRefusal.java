package se.kasam.platform.outbox;

import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a send failure that no retry can cure, because Kafka refuses the record itself, from one that passes (broker
 * down, leader moving, timeouts). Failures of the connection as a whole (authentication, authorisation, an old
 * broker) are not listed: they would refuse every event alike, so the events wait in the outbox until ops fix it.
 */
final class KafkaRefusal {
    private static final Set<Class<? extends Throwable>> OF_THE_RECORD = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    private KafkaRefusal() {
    }

    /** True when the failure, or one of its causes, is Kafka refusing the record for good. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> refusal : OF_THE_RECORD) {
                if (refusal.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
