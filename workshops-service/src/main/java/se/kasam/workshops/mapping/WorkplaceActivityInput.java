package se.kasam.workshops.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkplaceActivityInput",
        description = "A health-promoting workplace meeting (arbetsplatsträff) or development talks held on a Kasam theme")
public record WorkplaceActivityInput(
        @NotNull @Pattern(regexp = "WORKPLACE_MEETING|DEVELOPMENT_TALK", message = "WORKPLACE_MEETING or DEVELOPMENT_TALK") String kind,
        @NotBlank @Size(max = 200) String theme,
        @NotNull @PastOrPresent LocalDate date,
        @NotNull @Min(5) @Max(600) Integer minutes,
        @Schema(description = "Employee numbers of the unit's staff who took part") @NotEmpty @Size(max = 500) List<@NotNull String> attendees) {
}
