package se.kasam.sickleave;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The local projection of an employee, as far as sick-leave statistics need one. */
@Entity
@Table(name = "employee")
public class Employee {
    @Id
    @Column(name = "employee_number")
    public String employeeNumber;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "legal_gender", nullable = false)
    public String legalGender;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "employment_rate", nullable = false)
    public BigDecimal employmentRate;

    @Column(name = "full_time_hours", nullable = false)
    public BigDecimal fullTimeHours;

    @Column(name = "employment_type", nullable = false)
    public String employmentType;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** The producer's version of the record: an older event never overwrites a newer state. */
    @Column(name = "source_version", nullable = false)
    public int sourceVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
