package se.kasam.workshops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An employee's place at a session, or on its waitlist, and what became of it. */
@Entity
@Table(name = "booking")
public class Booking {
    /** As Moodle's face-to-face sessions and Odoo Events have them. */
    public enum Status { BOOKED, WAITLISTED, CANCELLED, ATTENDED, ABSENT }

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "module_code", nullable = false)
    public String moduleCode;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    /** The employee's unit when booked: whose staffing the booking counts against. */
    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(nullable = false)
    public String status;

    /** The order of arrival: a waitlist is served in it. */
    @Column(nullable = false)
    public long arrival;

    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    /** Recorded with attendance. */
    public BigDecimal hours;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean is(Status s) {
        return status.equals(s.name());
    }
}
