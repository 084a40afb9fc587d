package se.kasam.workshops.mapping;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BookingInput")
public record BookingInput(
        @Schema(description = "Whom to book: by default the caller; a manager names their own staff, the project lead anyone")
        @Size(min = 1, max = 40) String employeeNumber) {
}
