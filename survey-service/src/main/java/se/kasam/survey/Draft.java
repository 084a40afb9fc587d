package se.kasam.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An invitee's answers saved before they submit; deleted at submit. */
@Entity
@Table(name = "draft")
public class Draft {
    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String answers;

    @Column(name = "saved_at", nullable = false)
    public OffsetDateTime savedAt;
}
