package se.kasam.survey.mapping;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** An instrument a round uses; without a version, its newest when the round is created. */
public record InstrumentRef(@NotBlank String code, @Min(1) Integer version) {
}
