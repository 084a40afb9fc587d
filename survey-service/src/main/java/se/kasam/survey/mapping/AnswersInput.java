package se.kasam.survey.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An invitee's answers, as a draft or to submit. */
public record AnswersInput(@NotNull @Size(max = 500) List<@Valid @NotNull Answer> answers) {
}
