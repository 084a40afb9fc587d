package se.kasam.evaluation.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.evaluation.config.EvaluationConfig;
import se.kasam.evaluation.rules.Indicator;

@Schema(name = "EvaluationReport", description = "The programme evaluation for a unit subtree or the whole municipality, "
        + "composed from the services with the caller's own token, so each service's access and suppression rules hold. "
        + "Each section is AVAILABLE or UNAVAILABLE (the service was down, slow or failing: 'unavailable' says which). "
        + "Within a section a suppressed figure is null with its reason in 'suppressed' (GROUP_TOO_SMALL, SINGLE_PERSON, "
        + "COMPLEMENTARY, NOT_DERIVABLE) and a part that does not exist yet says so in 'missing': neither is ever a zero.")
public record EvaluationReport(String programme,
                               @Schema(description = "The unit whose subtree this is; null: the whole municipality") String unit,
                               OffsetDateTime generatedAt, List<Period> periods, ParticipationSection participation,
                               SurveySection survey, SickLeaveSection sickLeave,
                               @Schema(description = "The ESF final report's headings, from the sections above") Esf esf) {

    private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    public enum Status { AVAILABLE, UNAVAILABLE }

    @Schema(name = "EvaluationPeriod")
    public record Period(@Schema(enumeration = {"before", "during", "after"}) String name,
                         @Schema(type = SchemaType.STRING, pattern = MONTH, example = "2019-08") String from,
                         @Schema(type = SchemaType.STRING, pattern = MONTH, example = "2021-10") String to) {
    }

    /** @param code TIMEOUT, UNREACHABLE, FAILED or CIRCUIT_OPEN */
    @Schema(name = "EvaluationUnavailable")
    public record Unavailable(@Schema(enumeration = {"TIMEOUT", "UNREACHABLE", "FAILED", "CIRCUIT_OPEN"}) String code,
                              String detail) {
    }

    @Schema(name = "EvaluationParticipationSection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParticipationSection(Status status, Unavailable unavailable, Participation data) {
    }

    @Schema(name = "EvaluationSurveySection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SurveySection(Status status, Unavailable unavailable, Survey data) {
    }

    @Schema(name = "EvaluationSickLeaveSection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SickLeaveSection(Status status, Unavailable unavailable, SickLeave data) {
    }

    /**
     * @param staffOn the staff counted: the employees on the last day of the programme's 'during' period
     * @param byUnit  each child unit's subtree (for the whole municipality: the top units)
     * @param hours   participant hours over the 'during' period, valued as co-financing as in the ESF exports
     */
    @Schema(name = "EvaluationParticipation")
    public record Participation(LocalDate staffOn, List<String> modules, List<Completion> completion,
                                List<UnitCompletion> byUnit, TrioGroups trioGroups, List<Hours> hours) {
    }

    /** @param reached the staff who took part in at least one of the modules */
    @Schema(name = "EvaluationCompletion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Completion(@Schema(enumeration = {"ALL", "FEMALE", "MALE"}) String group, Integer staff, Integer reached,
                             List<Done> done, @Schema(enumeration = {"GROUP_TOO_SMALL", "SINGLE_PERSON", "COMPLEMENTARY",
                                     "NOT_DERIVABLE"}) String suppressed) {
    }

    @Schema(name = "EvaluationDone")
    public record Done(int modulesDone, int employees, double share) {
    }

    @Schema(name = "EvaluationUnitCompletion")
    public record UnitCompletion(String unit, List<Completion> groups) {
    }

    @Schema(name = "EvaluationTrioGroups")
    public record TrioGroups(long formed, long meeting, long meetings) {
    }

    @Schema(name = "EvaluationHours")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hours(@Schema(enumeration = {"ALL", "FEMALE", "MALE"}) String group, Integer participants,
                        BigDecimal hours, BigDecimal coFinancingSek,
                        @Schema(enumeration = {"GROUP_TOO_SMALL", "COMPLEMENTARY"}) String suppressed) {
    }

    /** @param missing why there is no comparison yet (fewer than two closed rounds), else absent */
    @Schema(name = "EvaluationSurvey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Survey(Round baseline, Round followUp, List<ResponseRate> responseRates, List<Change> changes,
                         String missing) {
    }

    @Schema(name = "EvaluationRound")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Round(String id, String name, OffsetDateTime closedAt, Integer invited, Integer respondents) {
    }

    @Schema(name = "EvaluationResponseRate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseRate(String round, int invited, Integer answered, Double rate,
                               @Schema(enumeration = {"GROUP_TOO_SMALL", "SINGLE_PERSON", "COMPLEMENTARY",
                                       "NOT_DERIVABLE"}) String suppressed) {
    }

    /**
     * A score's change from baseline to follow-up for one group: the paired figures (the same people) and each
     * round's mean.
     *
     * @param effectSize Cohen's d_z of the paired differences
     * @param hedgesG    Hedges' g_av (the average of the rounds' SDs as the standardiser)
     */
    @Schema(name = "EvaluationChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String instrument, String measure, @Schema(enumeration = {"ALL", "FEMALE", "MALE"}) String group,
                         Double baselineMean, Double followUpMean, Long n, Double meanDifference, Double indexChange,
                         Double ciLow, Double ciHigh, Double pValue, Double effectSize, Double hedgesG,
                         @Schema(enumeration = {"GROUP_TOO_SMALL", "SINGLE_PERSON", "COMPLEMENTARY", "NOT_DERIVABLE"})
                         String suppressed) {
    }

    @Schema(name = "EvaluationSickLeave")
    public record SickLeave(List<PeriodFigures> periods, List<FigureChange> changes, List<MonthFigures> monthly) {
    }

    @Schema(name = "EvaluationPeriodFigures")
    public record PeriodFigures(String name, @Schema(type = SchemaType.STRING, pattern = MONTH) String from,
                                @Schema(type = SchemaType.STRING, pattern = MONTH) String to, int employees,
                                List<Figure> figures) {
    }

    /** A statutory key figure in percent, or null with the reason it is suppressed. */
    @Schema(name = "EvaluationFigure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(@Schema(enumeration = {"TOTAL", "LONG_TERM_SHARE", "WOMEN", "MEN", "AGE_29_OR_YOUNGER",
            "AGE_30_TO_49", "AGE_50_OR_OLDER"}) String key, int employees, Double percent,
                         @Schema(enumeration = {"GROUP_TOO_SMALL", "SINGLE_PERSON", "COMPLEMENTARY", "NOT_DERIVABLE"})
                         String suppressed) {
    }

    /** @param percentagePoints null when either figure is suppressed */
    @Schema(name = "EvaluationFigureChange")
    public record FigureChange(String period, String comparedWith, String figure, Double percentagePoints) {
    }

    @Schema(name = "EvaluationMonthFigures")
    public record MonthFigures(@Schema(type = SchemaType.STRING, pattern = MONTH) String month, int employees,
                               List<Figure> figures) {
    }

    @Schema(name = "EvaluationEsf")
    public record Esf(Participants participants, List<AimResult> aims, List<IndicatorValue> indicators) {
    }

    /** Women and men taking part (with participant hours in the 'during' period). */
    @Schema(name = "EvaluationParticipants")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participants(Integer women, Integer men, Integer total,
                               @Schema(description = "Why a count is not given (suppressed, or its section unavailable)")
                               String missing) {
    }

    public enum Outcome { MET, NOT_MET, NOT_AVAILABLE }

    @Schema(name = "EvaluationAimResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AimResult(String aim, Indicator indicator, String label, EvaluationConfig.Comparison comparison,
                            double target, Double measured, String unit, Outcome outcome) {
    }

    /** @param missing why there is no value (suppressed, missing or its section unavailable) */
    @Schema(name = "EvaluationIndicator")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorValue(Indicator indicator, String label, Double value, String unit, String missing) {
    }
}
