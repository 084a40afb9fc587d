package se.kasam.sickleave.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.kasam.sickleave.Employee;

/** The working-time basis this service holds for an employee. */
public record EmployeeView(String employeeNumber, String unitCode, String legalGender, int birthYear,
                           BigDecimal employmentRate, BigDecimal fullTimeHours, String employmentType,
                           LocalDate startDate, LocalDate endDate, int sourceVersion) {

    public static EmployeeView of(Employee e) {
        return new EmployeeView(e.employeeNumber, e.unitCode, e.legalGender, e.birthYear, e.employmentRate,
                e.fullTimeHours, e.employmentType, e.startDate, e.endDate, e.sourceVersion);
    }
}
