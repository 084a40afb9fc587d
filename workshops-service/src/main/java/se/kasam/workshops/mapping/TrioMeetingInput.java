package se.kasam.workshops.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrioMeetingInput", description = "A trio group met: when, for how long, which members were there")
public record TrioMeetingInput(@NotNull @PastOrPresent LocalDate date,
                               @NotNull @Min(5) @Max(600) Integer minutes,
                               @Schema(description = "Employee numbers of the members who were there")
                               @NotEmpty List<@NotNull String> present) {
}
