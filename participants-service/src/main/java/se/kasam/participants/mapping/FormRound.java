package se.kasam.participants.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to form a trio round. */
public record FormRound(
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The units to group, each with everything below it; empty or absent: the whole "
                + "organisation (a manager must name units they manage)")
        List<@Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String> unitCodes,
        @Schema(description = "Makes the round repeatable; a random one is chosen and reported when absent") Long seed,
        @Schema(description = "Who is active is decided on this day; default today") LocalDate date) {
}
