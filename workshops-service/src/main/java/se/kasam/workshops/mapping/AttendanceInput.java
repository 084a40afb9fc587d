package se.kasam.workshops.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AttendanceInput", description = "Attendance at a session, one mark per booking; all apply or none")
public record AttendanceInput(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Mark> marks) {

    @Schema(name = "AttendanceMark")
    public record Mark(@NotNull UUID bookingId,
                       @NotNull @Pattern(regexp = "ATTENDED|ABSENT", message = "ATTENDED or ABSENT") String status,
                       @Schema(description = "Participant hours; by default the module's hours. Only with ATTENDED")
                       @DecimalMin(value = "0.25") @DecimalMax(value = "24") BigDecimal hours) {
    }
}
