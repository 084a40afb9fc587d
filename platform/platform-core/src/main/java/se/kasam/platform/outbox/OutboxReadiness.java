package se.kasam.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the oldest event waiting in the outbox is older than {@code kasam.outbox.max-lag}: the relay cannot
 * send (Kafka away, a topic missing) and consumers see stale data. Parked events are reported, not failed on.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
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
