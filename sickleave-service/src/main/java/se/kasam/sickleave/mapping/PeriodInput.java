package se.kasam.sickleave.mapping;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stretch of a spell with one extent. */
public record PeriodInput(
        @NotNull LocalDate firstDay,
        @Schema(description = "Null (or left out) while the spell lasts; only the last period may be open")
        LocalDate lastDay,
        @NotNull @Schema(description = "Percent of working time: 25, 50, 75 or 100", enumeration = {"25", "50", "75", "100"})
        Integer extent) {
}
