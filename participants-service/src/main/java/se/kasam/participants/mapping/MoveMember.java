package se.kasam.participants.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves a member to another group of the same round. */
public record MoveMember(@NotBlank String employeeNumber, @NotNull Long toGroupId,
                         @Schema(description = "Apply even though a rule is broken (project lead only)") boolean force) {
}
