package se.kasam.workshops.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanInput", description = "What to plan: bookings for every active employee not yet booked for the modules, "
        + "at the planned sessions of the window and at sessions the plan may add there")
public record PlanInput(
        @Schema(description = "Module codes; by default the modules for all") @Size(max = 20) List<@NotBlank String> modules,
        @Schema(description = "Plan for the staff of these units and the units below; by default everyone")
        @Size(max = 5000) List<@NotBlank String> units,
        @NotNull LocalDate from, @NotNull LocalDate to,
        @Schema(description = "Where sessions may be added; by default where planned sessions are held")
        @Size(max = 50) List<@NotNull @Valid Place> places,
        @Schema(description = "Seats of a session the plan adds (default 25)") @Min(2) @Max(200) Integer seats,
        @Schema(description = "How long the solver may run (default 30 s)") @Min(1) @Max(600) Integer timeLimitSeconds) {

    @Schema(name = "PlanPlace")
    public record Place(@NotBlank @Size(max = 200) String name,
                        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }
}
