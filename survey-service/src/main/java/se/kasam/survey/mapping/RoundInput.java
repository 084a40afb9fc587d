package se.kasam.survey.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A new survey round.
 *
 * @param unitCodes the units whose staff (with the units below) are invited when it opens; empty or absent: everyone
 */
public record RoundInput(@NotBlank @Size(max = 200) String name,
                         @NotEmpty @Size(max = 10) List<@Valid @NotNull InstrumentRef> instruments,
                         @NotNull OffsetDateTime opensAt, @NotNull OffsetDateTime closesAt,
                         @Size(max = 1000) List<@NotBlank String> unitCodes) {
}
