package se.kasam.workshops.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HourlyCosts", description = "A year's hourly wage costs, valued as co-financing: per occupation, else the default")
public record HourlyCostsView(
        @Schema(description = "For an occupation without its own; null: none (valued at 0)")
        @DecimalMin("0") @DecimalMax("10000") BigDecimal defaultSek,
        @NotNull @Size(max = 500) List<@NotNull @Valid Occupation> byOccupation) {

    @Schema(name = "OccupationCost")
    public record Occupation(@NotBlank @Size(max = 200) String occupation,
                             @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal sek) {
    }
}
