package se.kasam.participants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An employee as HR knows them, keyed by the employee number. No personnummer is ever stored. */
@Entity
@Table(name = "employee")
public class Employee {
    @Id
    @Column(name = "employee_number")
    public String employeeNumber;

    @Column(nullable = false)
    public String name;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_gender", nullable = false)
    public LegalGender legalGender;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    public String occupation;

    /** Percent of full time, e.g. 75.00. */
    @Column(name = "employment_rate", nullable = false)
    public BigDecimal employmentRate;

    /** The position's full-time weekly hours (40, or less for some shift work). */
    @Column(name = "full_time_hours", nullable = false)
    public BigDecimal fullTimeHours;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false)
    public EmploymentType employmentType;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Version
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
