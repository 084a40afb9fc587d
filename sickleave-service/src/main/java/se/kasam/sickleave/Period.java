package se.kasam.sickleave;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** Part of a spell with one extent (percent of working time). */
@Embeddable
public class Period {
    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day")
    public LocalDate lastDay;

    @Column(nullable = false)
    public short extent;
}
