package se.kasam.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One invitee of a round, with the demographics frozen when it opened; records only whether it was answered. */
@Entity
@Table(name = "invitation")
public class Invitation {
    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "legal_gender", nullable = false)
    public String legalGender;

    @Column(name = "age_band", nullable = false)
    public String ageBand;

    @Column(nullable = false)
    public boolean answered;
}
