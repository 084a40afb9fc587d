package se.kasam.participants.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.kasam.participants.EmploymentType;
import se.kasam.participants.LegalGender;

public record EmployeeView(String employeeNumber, String name, String email, LegalGender legalGender, int birthYear,
                           LocalDate birthDate, String unitCode, String occupation, BigDecimal employmentRate,
                           BigDecimal fullTimeHours, EmploymentType employmentType, LocalDate startDate,
                           LocalDate endDate, int version) {
}
