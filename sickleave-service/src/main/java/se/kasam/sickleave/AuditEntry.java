package se.kasam.sickleave;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One read of an individual's absence data: who read whose, when, through which endpoint. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** The token's subject (user name or service account). */
    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_employee")
    public String actorEmployee;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    /** Method and path template, e.g. "GET /api/sickleave/employees/{employeeNumber}/spells". */
    @Column(nullable = false)
    public String endpoint;
}
