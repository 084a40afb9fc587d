package se.kasam.sickleave.mapping;

import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.sickleave.rules.KeyFigures.Figure;

/** The shapes of the statistics answers. */
public final class StatisticsViews {
    private StatisticsViews() {
    }

    static final String FIGURES = "The seven statutory key figures, in percent: TOTAL = sick hours ÷ ordinary hours; "
            + "LONG_TERM_SHARE = hours in spells of 60 consecutive days or more ÷ all sick hours; WOMEN, MEN, "
            + "AGE_29_OR_YOUNGER, AGE_30_TO_49, AGE_50_OR_OLDER = the group's sick hours ÷ its ordinary hours (age on "
            + "the day the hours fall). Ordinary hours: employment rate × full-time weekly hours, spread evenly over "
            + "the calendar days of employment; sick hours: each day of a sick-leave spell counts its extent's share "
            + "of that day's ordinary hours. employees = the group's head count. Every figure comes from one protected "
            + "publication per calendar year, the same whoever asks and however it is reached: its cells are the whole "
            + "municipality, each unit's subtree and each unit's own staff × the year, its quarters and its months × "
            + "everyone, women, men and the three age bands (and the long-term share of everyone). A figure is null, "
            + "with the reason in 'suppressed', when its group has 10 employees or fewer (GROUP_TOO_SMALL), when one "
            + "person's hours make it (SINGLE_PERSON), when shown it would let a protected group's figure, or the "
            + "hidden parts of a relation together, be worked out or narrowed to less than 5 percentage points from "
            + "all the published figures (COMPLEMENTARY), or when its period is no cell (say April 2024 - February "
            + "2026) and it does not follow from the cells shown (NOT_DERIVABLE).";

    @Schema(description = FIGURES)
    public record KeyFiguresView(String unit, YearMonth from, YearMonth to, int employees, List<Figure> figures) {
    }

    public record MonthFigures(YearMonth month, int employees, List<Figure> figures) {
    }

    @Schema(description = "A monthly series of the key figures, each month a cell of its year's publication. " + FIGURES)
    public record MonthlyView(String unit, YearMonth from, YearMonth to, List<MonthFigures> months) {
    }

    public record UnitFigures(String unit, int employees, List<Figure> figures) {
    }

    @Schema(description = "The key figures of a unit's subtree, of its own staff (not in a unit below) and of each "
            + "child unit's subtree, all cells of the publication (so no figure follows from the others). " + FIGURES)
    public record BreakdownView(String unit, YearMonth from, YearMonth to, UnitFigures total, UnitFigures ownStaff,
                                List<UnitFigures> children) {
    }

    public record PeriodFigures(String name, YearMonth from, YearMonth to, int employees, List<Figure> figures) {
    }

    @Schema(description = "Change of a figure from the first period, in percentage points; null when either is suppressed")
    public record Change(String period, String comparedWith, String figure, Double percentagePoints) {
    }

    @Schema(description = "The key figures for the programme's periods side by side, with the change from the first "
            + "period for everyone, women and men. " + FIGURES)
    public record ProgrammeView(String unit, List<PeriodFigures> periods, List<Change> changes) {
    }
}
