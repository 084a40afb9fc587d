package se.kasam.workshops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The local projection of an employee: who may book, where they work (the staffing cap), what ESF reports. */
@Entity
@Table(name = "employee")
public class Employee {
    @Id
    @Column(name = "employee_number")
    public String employeeNumber;

    @Column(nullable = false)
    public String name;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "legal_gender", nullable = false)
    public String legalGender;

    public String occupation;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "source_version", nullable = false)
    public int sourceVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
