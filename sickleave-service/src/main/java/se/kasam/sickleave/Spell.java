package se.kasam.sickleave;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An absence spell as HR/payroll reported it. */
@Entity
@Table(name = "spell")
public class Spell {
    @Id
    @Column(name = "spell_id")
    public String spellId;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AbsenceKind kind;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    /** Null while the spell lasts. */
    @Column(name = "last_day")
    public LocalDate lastDay;

    @Column(name = "expected_long_term", nullable = false)
    public boolean expectedLongTerm;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "spell_period", joinColumns = @JoinColumn(name = "spell_id"))
    @OrderBy("firstDay")
    public List<Period> periods = new ArrayList<>();

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
