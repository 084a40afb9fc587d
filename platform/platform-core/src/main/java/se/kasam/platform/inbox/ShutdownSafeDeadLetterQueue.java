package se.kasam.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * that idempotent). Each record dead-lettered is counted, {@code kasam.inbox.dead.lettered} by channel and the
 * failure's type (the message itself is in the record's {@code dead-letter-reason} header, not in a label).
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

    @Inject
    MeterRegistry registry;

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
                Counter deadLettered = Counter.builder("kasam.inbox.dead.lettered")
                        .description("Records a consumer could not process, sent to its dead-letter topic")
                        .tag("channel", config.getChannel()).tag("reason", reason.getClass().getSimpleName())
                        .register(registry);
                return delegate.handle(record, reason, metadata).invoke(() -> deadLettered.increment());
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }
}
