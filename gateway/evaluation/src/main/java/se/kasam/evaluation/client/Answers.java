package se.kasam.evaluation.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.kasam.evaluation.mapping.EvaluationReport;

/** What the services answer, as far as the report reads it (the services' documents have the whole shapes). */
public final class Answers {
    private Answers() {
    }

    public record Progress(String unit, LocalDate on, List<String> modules, List<ProgressGroup> groups,
                           List<UnitProgress> children) {
    }

    public record ProgressGroup(String group, Integer staff, List<EvaluationReport.Done> done, String reason) {
    }

    public record UnitProgress(String unit, List<ProgressGroup> groups) {
    }

    public record Participation(List<Hours> hours, EvaluationReport.TrioGroups trioGroups) {
    }

    public record Hours(String group, Integer participants, BigDecimal hours, BigDecimal coFinancingSek, String reason) {
    }

    public record RoundPage(List<Round> items, int totalPages) {
    }

    public record Round(String id, String name, String status, OffsetDateTime closedAt, Integer invited,
                        Integer respondents) {
    }

    public record Rates(List<RateRow> rows) {
    }

    /** @param kind SUBTREE, OWN_STAFF or EVERYONE */
    public record RateRow(String unit, String kind, int invited, Integer answered, Double rate, String reason) {
    }

    public record Comparison(List<Instrument> instruments) {
    }

    public record Instrument(String code, List<Measure> measures) {
    }

    public record Measure(String measure, List<Group> groups) {
    }

    public record Group(String group, String pairedReason, Paired paired, String unpairedReason, Unpaired unpaired) {
    }

    public record Paired(long n, double meanDifference, Double indexChange, Double ciLow, Double ciHigh, Double pValue,
                         Double dz, Double gav) {
    }

    public record Unpaired(double baselineMean, double followUpMean) {
    }

    public record Programme(List<EvaluationReport.PeriodFigures> periods, List<EvaluationReport.FigureChange> changes) {
    }

    public record Monthly(List<EvaluationReport.MonthFigures> months) {
    }
}
