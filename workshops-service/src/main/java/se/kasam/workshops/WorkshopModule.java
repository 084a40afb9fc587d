package se.kasam.workshops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A module of the programme (the three workshops, the managers' training); sessions of it are booked and attended. */
@Entity
@Table(name = "workshop_module")
public class WorkshopModule {
    @Id
    public String code;

    public int ordinal;

    public String title;

    public String theme;

    /** Length of one session, counted as participant hours (ESF co-financing is calculated from them). */
    public BigDecimal hours;

    @Column(nullable = false)
    public String audience;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_units", nullable = false)
    public String[] audienceUnits;

    /** The module that must be attended, or booked earlier in time, before this one. */
    public String follows;

    @Version
    public int version;
}
