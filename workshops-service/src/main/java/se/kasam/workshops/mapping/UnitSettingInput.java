package se.kasam.workshops.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitSettingInput", description = "Where a workplace is, and how many of its staff may be away at once")
public record UnitSettingInput(@Size(max = 200) String placeName,
                               @DecimalMin("-90") @DecimalMax("90") Double latitude,
                               @DecimalMin("-180") @DecimalMax("180") Double longitude,
                               @Schema(description = "At most this share of the unit's own staff booked into overlapping sessions")
                               @NotNull @Min(1) @Max(100) Integer awayCapPercent) {
}
