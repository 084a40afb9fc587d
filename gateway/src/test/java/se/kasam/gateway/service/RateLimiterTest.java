package se.kasam.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.kasam.gateway.config.GatewayConfig;

/** The bucket's arithmetic on a clock the test moves: nothing here depends on how fast the machine is. */
class RateLimiterTest {
    private final ManualTime time = new ManualTime();
    private final RateLimiter limiter = new RateLimiter(limit(5, 1, Duration.ofSeconds(1)), time);

    @Test
    void aBurstOfCapacityThenOneTokenPerRefillPeriod() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.tryAcquire("a"), "call " + i + " of the burst");
        }
        assertEquals(1, limiter.tryAcquire("a"), "the sixth waits a second");
        time.advance(Duration.ofMillis(400));
        assertEquals(1, limiter.tryAcquire("a"), "0.6 s left rounds up to 1");
        time.advance(Duration.ofMillis(600));
        assertEquals(0, limiter.tryAcquire("a"), "one token is back after a second");
        assertEquals(1, limiter.tryAcquire("a"), "and only one");
        time.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.tryAcquire("a"), "refilled up to the capacity, call " + i);
        }
        assertEquals(1, limiter.tryAcquire("a"), "never beyond it");
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("greedy");
        }
        assertEquals(1, limiter.tryAcquire("greedy"));
        assertEquals(0, limiter.tryAcquire("patient"));
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        RateLimiter slow = new RateLimiter(limit(1, 1, Duration.ofMinutes(1)), time);
        assertEquals(0, slow.tryAcquire("a"));
        assertEquals(60, slow.tryAcquire("a"));
        time.advance(Duration.ofMillis(59_001));
        assertEquals(1, slow.tryAcquire("a"));
    }

    private static GatewayConfig.RateLimit limit(long capacity, long refill, Duration period) {
        return new GatewayConfig.RateLimit() {
            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public long refill() {
                return refill;
            }

            @Override
            public Duration refillPeriod() {
                return period;
            }
        };
    }

    private static final class ManualTime implements TimeMeter {
        private long nanos = TimeUnit.DAYS.toNanos(1);

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
