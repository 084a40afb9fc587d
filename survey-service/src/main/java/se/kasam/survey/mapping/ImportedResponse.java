package se.kasam.survey.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** An invitee's answers given outside the platform (on paper, in an earlier tool), brought into an open round. */
public record ImportedResponse(@NotBlank String employeeNumber, @NotNull LocalDate submittedOn,
                               @NotNull @Size(max = 500) List<@Valid @NotNull Answer> answers) {
}
