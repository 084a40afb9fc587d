package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Participation", description = "What the programme's participants put in over a span of months, for a "
        + "unit subtree or the whole municipality: participant hours valued as co-financing (as in the ESF exports, "
        + "corrections included), by legal gender, and the trio groups formed and meeting. A gender's hours are "
        + "hidden when fewer than the minimum group size took part, and then the other gender's too (reason).")
public record ParticipationView(
        @Schema(description = "The unit whose subtree this is; null: the whole municipality") String unit,
        @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$", example = "2019-01") String from,
        @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$", example = "2021-06") String to,
        List<Hours> hours, TrioGroups trioGroups) {

    @Schema(name = "ParticipationHours")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hours(@Schema(enumeration = {"ALL", "FEMALE", "MALE"}) String group,
                        @Schema(description = "Employees with hours in the span") Integer participants,
                        BigDecimal hours, BigDecimal coFinancingSek,
                        @Schema(enumeration = {"GROUP_TOO_SMALL", "COMPLEMENTARY"}) String reason) {
    }

    /**
     * @param formed   trio groups of the subtree's units, not dissolved
     * @param meeting  of those, the ones that met at least once in the span
     * @param meetings the meetings they held in the span
     */
    @Schema(name = "ParticipationTrioGroups")
    public record TrioGroups(long formed, long meeting, long meetings) {
    }
}
