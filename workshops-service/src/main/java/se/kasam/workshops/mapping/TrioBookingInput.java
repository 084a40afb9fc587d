package se.kasam.workshops.mapping;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrioBookingInput")
public record TrioBookingInput(@Schema(description = "The trio group whose members are booked together, all or none")
                               @NotNull Long trioGroupId) {
}
