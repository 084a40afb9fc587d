package se.kasam.participants.mapping;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** @param endDate the last day of employment */
public record EndEmployment(@NotNull LocalDate endDate) {
}
