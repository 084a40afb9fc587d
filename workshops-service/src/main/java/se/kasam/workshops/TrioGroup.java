package se.kasam.workshops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The local projection of a trio group: its members, booked together and meeting together. */
@Entity
@Table(name = "trio_group")
public class TrioGroup {
    @Id
    public long id;

    @Column(name = "round_id", nullable = false)
    public long roundId;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] members;

    public boolean dissolved;

    @Column(name = "source_version", nullable = false)
    public int sourceVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean hasMember(String employeeNumber) {
        return !dissolved && List.of(members).contains(employeeNumber);
    }
}
