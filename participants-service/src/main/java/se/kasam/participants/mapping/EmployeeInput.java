package se.kasam.participants.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import se.kasam.participants.EmploymentType;
import se.kasam.participants.LegalGender;

/** An employee as HR sends them: birth year (or date) and legal gender, never a personnummer. */
public record EmployeeInput(
        @NotBlank @Pattern(regexp = Patterns.EMPLOYEE_NUMBER, message = Patterns.EMPLOYEE_NUMBER_MESSAGE) String employeeNumber,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @NotNull LegalGender legalGender,
        @NotNull @Min(1900) @Max(2100) Integer birthYear,
        LocalDate birthDate,
        @NotBlank @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String unitCode,
        @Size(max = 200) String occupation,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal employmentRate,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("60") BigDecimal fullTimeHours,
        @NotNull EmploymentType employmentType,
        @NotNull LocalDate startDate,
        LocalDate endDate) {
}
