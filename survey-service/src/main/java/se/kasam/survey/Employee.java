package se.kasam.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The local projection of an employee: what a round's population and its breakdowns need. */
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

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "source_version", nullable = false)
    public int sourceVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
