package se.kasam.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.HealthGroup;

/**
 * DOWN while the oldest event waiting in the outbox is older than {@code kasam.outbox.max-lag}: the relay cannot
 * send (Kafka away, a topic missing) and consumers see stale data. Parked events are reported, not failed on. In the
 * group {@code outbox} (/q/health/group/outbox), not in readiness: a pod whose relay waits for Kafka still answers
 * and takes writes, so it stays in its Service.
 */
@HealthGroup("outbox")
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    @Inject
    OutboxBacklog backlog;

    @ConfigProperty(name = "kasam.outbox.max-lag", defaultValue = "5m")
    Duration maxLag;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay");
        try {
            OutboxBacklog.Snapshot now = backlog.snapshot();
            return response.status(now.oldestAgeSeconds() <= maxLag.toSeconds())
                    .withData("waiting", now.waiting())
                    .withData("oldestAgeSeconds", (long) now.oldestAgeSeconds())
                    .withData("maxLagSeconds", maxLag.toSeconds())
                    .withData("parked", now.parked())
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
