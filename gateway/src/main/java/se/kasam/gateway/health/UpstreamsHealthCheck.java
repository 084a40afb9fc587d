package se.kasam.gateway.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import se.kasam.gateway.service.Upstreams;

/**
 * The services' readiness as the gateway sees it, at /q/health/group/upstreams. Kept out of the gateway's own
 * readiness: one service down should not take the whole API out of the load balancer.
 */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {
    @Inject
    Upstreams upstreams;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        upstreams.readiness().forEach((service, ready) -> {
            response.withData(service, ready ? "UP" : "DOWN");
            if (!ready) {
                response.down();
            }
        });
        return response.build();
    }
}
