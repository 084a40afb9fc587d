package se.kasam.gateway.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import se.kasam.gateway.config.GatewayConfig;

/** A token bucket per caller; the number of callers is bounded by the realm's users and clients. */
@Singleton
public class RateLimiter {
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit limit;
    private final TimeMeter time;

    @Inject
    RateLimiter(GatewayConfig config) {
        this(config.rateLimit(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a time source of the caller's, so a test decides when tokens come back rather than the machine's speed. */
    RateLimiter(GatewayConfig.RateLimit limit, TimeMeter time) {
        this.limit = limit;
        this.time = time;
    }

    /** @return 0 when the request may pass, else the whole seconds to wait before the next one will (rounded up) */
    public long tryAcquire(String caller) {
        ConsumptionProbe probe = buckets.computeIfAbsent(caller, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refill(), limit.refillPeriod()).build())
                .build();
    }
}
