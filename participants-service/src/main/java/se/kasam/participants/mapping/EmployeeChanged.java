package se.kasam.participants.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.kasam.participants.EmploymentType;
import se.kasam.participants.LegalGender;

/**
 * Event data of kasam.participants.employee.changed.v1: the employee's whole current state, on a compacted
 * topic keyed by employee number. {@code version} grows with every change, so a consumer can ignore a stale one;
 * {@code left} is true once the employment has ended.
 */
public record EmployeeChanged(String employeeNumber, String name, String email, LegalGender legalGender,
                              int birthYear, LocalDate birthDate, String unitCode, String occupation,
                              BigDecimal employmentRate, BigDecimal fullTimeHours, EmploymentType employmentType,
                              LocalDate startDate, LocalDate endDate, int version, boolean left) {
    public static final String TOPIC = "kasam.participants.employees";
    public static final String TYPE = "kasam.participants.employee.changed.v1";
}
