package se.kasam.sickleave.mapping;

import java.time.OffsetDateTime;
import se.kasam.sickleave.AuditEntry;

/** Who read whose absence data, when, through which endpoint. */
public record AuditView(OffsetDateTime at, String actor, String actorEmployee, String employeeNumber, String endpoint) {

    public static AuditView of(AuditEntry e) {
        return new AuditView(e.at, e.actor, e.actorEmployee, e.employeeNumber, e.endpoint);
    }
}
