package se.kasam.survey.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One answer: a value on a scale item, or a text on a free-text item. */
public record Answer(@NotBlank String instrument, @NotBlank String item, Integer value, @Size(max = 2000) String text) {
}
