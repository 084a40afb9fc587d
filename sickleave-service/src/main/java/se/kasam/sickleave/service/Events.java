package se.kasam.sickleave.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.kasam.platform.inbox.IncomingEvent;
import se.kasam.sickleave.config.Clocks;

/** What the consumers read off an event besides its data. */
final class Events {
    private Events() {
    }

    /** The Swedish day an event was published: from then on its state holds. */
    static LocalDate day(IncomingEvent event) {
        return event.time() == null ? LocalDate.now(Clocks.SWEDEN)
                : OffsetDateTime.parse(event.time()).atZoneSameInstant(Clocks.SWEDEN).toLocalDate();
    }
}
