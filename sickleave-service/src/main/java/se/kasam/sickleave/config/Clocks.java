package se.kasam.sickleave.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** Days are Swedish days: an absence day, a due date and "today" are all in Europe/Stockholm. */
public class Clocks {
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(SWEDEN);
    }
}
