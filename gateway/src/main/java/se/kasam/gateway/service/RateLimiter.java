package se.kasam.gateway.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import se.kasam.gateway.config.GatewayConfig;

/** A token bucket per caller; the number of callers is bounded by the realm's users and clients. */
@ApplicationScoped
public class RateLimiter {
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    /** @return 0 when the request may pass, else the seconds to wait before the next one will */
    public long tryAcquire(String caller) {
        ConsumptionProbe probe = buckets.computeIfAbsent(caller, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
    }

    private Bucket newBucket() {
        GatewayConfig.RateLimit limit = config.rateLimit();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
