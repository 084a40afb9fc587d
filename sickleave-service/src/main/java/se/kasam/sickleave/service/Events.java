package se.kasam.sickleave.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.kasam.platform.inbox.IncomingEvent;

/** What the consumers read off an event besides its data. */
final class Events {
    private Events() {
    }

    /** The day (in the clock's zone) an event was published: from then on its state holds. */
    static LocalDate day(IncomingEvent event, Clock clock) {
        return event.time() == null ? LocalDate.now(clock)
                : OffsetDateTime.parse(event.time()).atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
