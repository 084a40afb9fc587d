package se.kasam.participants.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A unit as HR sends it. */
public record UnitInput(
        @NotBlank @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String code,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String parentCode,
        Set<@NotBlank @Pattern(regexp = Patterns.EMPLOYEE_NUMBER, message = Patterns.EMPLOYEE_NUMBER_MESSAGE) String> managers) {
}
