package se.kasam.workshops.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkshopModuleInput")
public record ModuleInput(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}", message = "capitals, digits and '-', at most 40") String code,
        @NotNull @Min(1) @Max(99) Integer ordinal,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 500) String theme,
        @NotNull @DecimalMin(value = "0.25") @DecimalMax(value = "24") BigDecimal hours,
        @NotNull @Pattern(regexp = "ALL|MANAGERS|UNITS", message = "ALL, MANAGERS or UNITS") String audience,
        @Size(max = 500) List<@NotBlank String> audienceUnits,
        @Schema(description = "The code of the module this one follows") String follows) {
}
