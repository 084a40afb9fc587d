package se.kasam.workshops.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.workshops.rules.EsfTotals;

@Schema(name = "EsfExport", description = "A month's participant hours for ESF: each participant's hours per activity and day, "
        + "valued as co-financing, with totals for women and men. Once exported, the month reads the same ever after; "
        + "what was recorded later is listed as corrections.")
public record EsfExportView(
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$", example = "2020-03") String month,
        @Schema(description = "False: a preview of the month as it stands now; export it to freeze it") boolean exported,
        OffsetDateTime exportedAt, String exportedBy,
        @Schema(description = "The costs the month is valued with (frozen at export): occupation to SEK per hour, '*' for the default")
        Map<String, BigDecimal> hourlyCosts,
        List<Row> rows, List<EsfTotals.Total> totals,
        @Schema(description = "Lines recorded after the export, each a change of hours (negative: taken back)") List<Row> corrections,
        List<EsfTotals.Total> correctionTotals) {

    @Schema(name = "EsfRow")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Row(String employeeNumber, @Schema(enumeration = {"FEMALE", "MALE"}) String legalGender, String unitCode,
                      String occupation,
                      @Schema(description = "A module's code, TRIO_MEETING, WORKPLACE_MEETING or DEVELOPMENT_TALK") String activity,
                      LocalDate date, BigDecimal hours, BigDecimal coFinancingSek,
                      @Schema(description = "Corrections only: when it was recorded") OffsetDateTime recordedAt) {
    }
}
