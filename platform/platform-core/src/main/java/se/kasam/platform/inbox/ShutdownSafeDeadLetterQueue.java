package se.kasam.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The failure strategy of every consumer ({@code failure-strategy=kasam-dead-letter-queue}): the connector's
 * dead-letter queue, except while the instance stops. Then a failed record is neither dead-lettered nor
 * acknowledged, so its offset is not committed and the next member of the group processes it (the inbox makes
 * that idempotent).
 */
@ApplicationScoped
@Identifier(ShutdownSafeDeadLetterQueue.STRATEGY)
public class ShutdownSafeDeadLetterQueue implements KafkaFailureHandler.Factory {
    public static final String STRATEGY = "kasam-dead-letter-queue";
    private static final Logger LOG = Logger.getLogger(ShutdownSafeDeadLetterQueue.class);

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    @Inject
    ConsumerDrain drain;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (drain.stopping()) {
                    LOG.debugf("stopping: %s-%d@%d left uncommitted (%s)", record.getTopic(), record.getPartition(),
                            record.getOffset(), reason.toString());
                    return Uni.createFrom().voidItem();
                }
                return delegate.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }
}
