package se.kasam.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of an instrument: its definition as JSON. Changed in place (revision) only while no round uses it. */
@Entity
@Table(name = "instrument")
@IdClass(Instrument.Key.class)
public class Instrument {
    @Id
    public String code;

    @Id
    public int version;

    @Column(nullable = false)
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String definition;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public record Key(String code, int version) implements Serializable {
    }
}
