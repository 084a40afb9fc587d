package se.kasam.sickleave.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.sickleave.AbsenceKind;

/** An absence spell as HR/payroll sends it: contiguous periods, each with its extent. */
@Schema(description = "An absence spell: its periods are contiguous; the extent may change from one period to the next")
public record SpellInput(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = "1-64 letters, digits, '.', '_', ':' or '-'")
        String spellId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,19}", message = "1-20 letters, digits or '-'")
        String employeeNumber,
        @NotNull AbsenceKind kind,
        @Schema(description = "HR expects the absence to last 60 days or more (a return-to-work plan is due by day 30)")
        boolean expectedLongTerm,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid PeriodInput> periods) {
}
