package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * This service's reading of kasam.participants.employee.changed.v1 (schema and example in participants-service):
 * the fields it needs, ignoring the rest, so the producer may add fields without breaking it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeChanged(String employeeNumber, String name, String unitCode, String legalGender,
                              String occupation, LocalDate startDate, LocalDate endDate, int version, boolean left) {
    public static final String TYPE = "kasam.participants.employee.changed.v1";
}
