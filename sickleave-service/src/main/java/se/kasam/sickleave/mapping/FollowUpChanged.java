package se.kasam.sickleave.mapping;

import java.time.LocalDate;
import java.util.UUID;
import se.kasam.sickleave.rules.FollowUpRules.Kind;

/**
 * kasam.sickleave.followup.changed.v1 on kasam.sickleave.followups: a signal raised, or withdrawn when HR corrected
 * the spells behind it. The kind and its dates only: no spell, extent or diagnosis.
 */
public record FollowUpChanged(UUID id, String employeeNumber, String unitCode, Kind kind, LocalDate dueOn,
                              LocalDate windowStart, boolean withdrawn) {
    public static final String TYPE = "kasam.sickleave.followup.changed.v1";
    public static final String TOPIC = "kasam.sickleave.followups";
}
