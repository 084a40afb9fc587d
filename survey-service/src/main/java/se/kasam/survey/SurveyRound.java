package se.kasam.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A survey round: its instruments (round_instrument), its window and the units whose staff it invites. */
@Entity
@Table(name = "survey_round")
public class SurveyRound {
    public enum Status { PLANNED, OPEN, CLOSED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opens_at", nullable = false)
    public OffsetDateTime opensAt;

    @Column(name = "closes_at", nullable = false)
    public OffsetDateTime closesAt;

    /** Empty: every unit. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_codes", nullable = false)
    public String[] unitCodes = new String[0];

    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public Integer invited;

    /** Known once closed. */
    public Integer answered;

    @Column(name = "close_seconds")
    public Double closeSeconds;
}
