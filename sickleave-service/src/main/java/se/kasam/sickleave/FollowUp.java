package se.kasam.sickleave;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import se.kasam.sickleave.rules.FollowUpRules.Kind;

/** A follow-up signal: its kind and dates, and nothing else of the employee's health. */
@Entity
@Table(name = "follow_up")
public class FollowUp {
    @Id
    public UUID id;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "spell_id")
    public String spellId;

    @Column(name = "window_start")
    public LocalDate windowStart;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
