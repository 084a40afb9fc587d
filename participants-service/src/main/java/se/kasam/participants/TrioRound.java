package se.kasam.participants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One forming of trio groups over some units; its groups and members are written in bulk beside it. */
@Entity
@Table(name = "trio_round")
public class TrioRound {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public long seed;

    @Column(name = "round_date", nullable = false)
    public LocalDate roundDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_codes", nullable = false)
    public List<String> unitCodes;

    @Column(name = "formed_by", nullable = false)
    public String formedBy;

    @Column(name = "formed_at", nullable = false)
    public OffsetDateTime formedAt;

    /** A {@code RoundReport} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String report;
}
