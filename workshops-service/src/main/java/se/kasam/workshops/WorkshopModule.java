package se.kasam.workshops;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One of the programme's three workshops; sessions of it are scheduled, booked and attended. */
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
}
