package se.kasam.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * How far the relay is behind, for metrics and readiness: {@code kasam.outbox.backlog} (events waiting),
 * {@code kasam.outbox.oldest.age.seconds} (age of the oldest waiting) and the counter {@code kasam.outbox.parked}
 * (events Kafka refused for good since start). One query gives all figures, and is reused for a second, so a
 * scrape and a probe cost one query however many meters read it.
 */
@ApplicationScoped
public class OutboxBacklog {
    private static final long FRESH_FOR = TimeUnit.SECONDS.toNanos(1);
    private static final String QUERY = "select (select count(*) from outbox_event),"
            + " (select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event),"
            + " (select count(*) from outbox_parked)";

    /** @param parked events in outbox_parked (kept across restarts, unlike the counter) */
    public record Snapshot(long waiting, double oldestAgeSeconds, long parked) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private Counter parkedCounter;
    private Snapshot last;
    private long takenAt;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("kasam.outbox.backlog", this, b -> b.snapshot().waiting())
                .description("Events in the outbox waiting to be sent to Kafka").strongReference(true).register(registry);
        Gauge.builder("kasam.outbox.oldest.age.seconds", this, b -> b.snapshot().oldestAgeSeconds())
                .description("Age of the oldest event waiting in the outbox").baseUnit("seconds").strongReference(true)
                .register(registry);
        parkedCounter = Counter.builder("kasam.outbox.parked")
                .description("Events Kafka refused for good, moved to outbox_parked").register(registry);
    }

    void countParked(int events) {
        parkedCounter.increment(events);
    }

    /** The figures, at most a second old; throws while the database cannot be reached. */
    public synchronized Snapshot snapshot() {
        if (last != null && System.nanoTime() - takenAt < FRESH_FOR) {
            return last;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            last = new Snapshot(row.getLong(1), row.getDouble(2), row.getLong(3));
            takenAt = System.nanoTime();
            return last;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox backlog: " + e.getMessage(), e);
        }
    }
}
