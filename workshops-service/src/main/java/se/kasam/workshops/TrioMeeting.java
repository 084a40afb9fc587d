package se.kasam.workshops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A trio group met: when, how long, who was there. */
@Entity
@Table(name = "trio_meeting")
public class TrioMeeting {
    @Id
    public UUID id;

    @Column(name = "trio_group_id", nullable = false)
    public long trioGroupId;

    @Column(name = "met_on", nullable = false)
    public LocalDate metOn;

    @Column(nullable = false)
    public int minutes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] present;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
