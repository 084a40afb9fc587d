package se.kasam.workshops.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnavailableDays", description = "Days one cannot attend; the planner keeps them free")
public record UnavailableDays(@NotNull @Size(max = 366) List<@NotNull LocalDate> days) {
}
