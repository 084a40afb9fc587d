package se.kasam.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "kasam.gateway")
public interface GatewayConfig {
    /** Path segment after /api/ (participants, workshops, surveys, sickleave) to the service's base URL. */
    Map<String, URI> routes();

    RateLimit rateLimit();

    /**
     * The largest request body the gateway takes (a 413 problem beyond it). The HTTP server's own limit
     * (quarkus.http.limits.max-body-size) is set far above it: the server would answer a bare 413 before any route.
     */
    @WithDefault("64M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /** How long a service's OpenAPI document is reused before it is fetched again. */
    @WithDefault("30s")
    Duration openapiCacheTtl();

    interface RateLimit {
        @WithDefault("200")
        long capacity();

        /** Tokens given back per {@link #refillPeriod()}, spread evenly over it. */
        @WithDefault("100")
        long refill();

        @WithDefault("1s")
        Duration refillPeriod();
    }
}
