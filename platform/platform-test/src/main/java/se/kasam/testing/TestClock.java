package se.kasam.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replaces platform-core's clock in every {@code @QuarkusTest}: the system's time in the configured zone, until a
 * test {@link #pin(Instant) pins} it (and {@link #release() releases} it after), so a test of "today" does not
 * depend on when it runs.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private final ZoneId zone;
    private volatile Instant pinned;

    TestClock(@ConfigProperty(name = "kasam.time.zone") ZoneId zone) {
        this.zone = zone;
    }

    public void pin(Instant instant) {
        pinned = instant;
    }

    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        TestClock base = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return base.instant();
            }

            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId again) {
                return base.withZone(again);
            }
        };
    }
}
