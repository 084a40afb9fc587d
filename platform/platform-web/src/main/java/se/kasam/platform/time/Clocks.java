package se.kasam.platform.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of every service: "today" and "now" are the municipality's ({@code kasam.time.zone},
 * Europe/Stockholm), whatever zone the host or container runs in. Inject {@link Clock}; never call a bare
 * {@code now()}. Tests replace it with platform-test's {@code TestClock}.
 */
public class Clocks {
    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "kasam.time.zone") ZoneId zone) {
        return Clock.system(zone);
    }
}
