package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Progress", description = "How far the staff have come through the modules for all: how many have done 0, 1, 2 and "
        + "all of them, for all, women and men. A group is hidden when it is small, or when showing it would give away "
        + "a small group through the other figures (reason).")
public record ProgressView(@Schema(description = "The unit whose subtree this is; null: the whole municipality") String unit,
                           @Schema(description = "The staff counted: the employees on this day") LocalDate on,
                           @Schema(description = "The modules for all, in order") List<String> modules,
                           List<Group> groups,
                           @Schema(description = "Each child unit's subtree (for the whole municipality: the top units, or "
                                   + "the children of its one root unit), from the same protected publication") List<UnitProgress> children) {

    @Schema(name = "UnitProgress")
    public record UnitProgress(String unit, List<Group> groups) {
    }

    @Schema(name = "ProgressGroup")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(@Schema(enumeration = {"ALL", "FEMALE", "MALE"}) String group, Integer staff,
                        List<Done> done,
                        @Schema(enumeration = {"GROUP_TOO_SMALL", "SINGLE_PERSON", "COMPLEMENTARY", "NOT_DERIVABLE"}) String reason) {
    }

    @Schema(name = "ProgressDone")
    public record Done(int modulesDone, int employees, double share) {
    }
}
