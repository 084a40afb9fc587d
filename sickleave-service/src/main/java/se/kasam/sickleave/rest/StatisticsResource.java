package se.kasam.sickleave.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.StatisticsViews.BreakdownView;
import se.kasam.sickleave.mapping.StatisticsViews.KeyFiguresView;
import se.kasam.sickleave.mapping.StatisticsViews.MonthlyView;
import se.kasam.sickleave.mapping.StatisticsViews.ProgrammeView;
import se.kasam.sickleave.service.AbsenceAccess;
import se.kasam.sickleave.service.StatisticsService;

/**
 * The statutory sick-leave figures: project lead, evaluator and hr-admin for any unit; a manager for the units they
 * manage and below (another unit is a 404). Suppressed whoever asks.
 */
@Path("/api/sickleave/statistics")
@Tag(name = "Sick-leave statistics")
public class StatisticsResource {
    private static final String PERIOD = "Months as yyyy-MM, both included; by default the last full calendar year.";
    private static final String UNIT = "A unit code: the figures of its subtree; by default the whole municipality "
            + "(a manager must name a unit they manage).";

    @Inject
    StatisticsService statistics;

    @Inject
    AbsenceAccess access;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(summary = "The seven key figures for a period and a unit subtree", description = PERIOD)
    public KeyFiguresView keyFigures(@QueryParam("unit") @Parameter(description = UNIT) String unit,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        return statistics.keyFigures(allowed(unit), first(from), last(to));
    }

    @GET
    @Path("/monthly")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(summary = "A monthly series of the key figures", description = PERIOD + " At most 120 months.")
    public MonthlyView monthly(@QueryParam("unit") @Parameter(description = UNIT) String unit,
                               @QueryParam("from") String from, @QueryParam("to") String to) {
        return statistics.monthly(allowed(unit), first(from), last(to));
    }

    @GET
    @Path("/units")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(summary = "The key figures of each child unit of a unit", description = PERIOD)
    public BreakdownView breakdown(@QueryParam("unit") @Parameter(description = "The unit to break down", required = true) String unit,
                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        return statistics.breakdown(allowed(unit), first(from), last(to));
    }

    @GET
    @Path("/programme")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(summary = "The programme comparison: before, during and after, side by side with the change",
            description = "Periods as name:yyyy-MM/yyyy-MM, repeated; by default the configured programme periods.")
    public ProgrammeView programme(@QueryParam("unit") @Parameter(description = UNIT) String unit,
                                   @QueryParam("period") List<String> periods) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String period : periods) {
            int colon = period.indexOf(':');
            if (colon < 1) {
                throw ProblemException.invalid("period", "Format", "a period is name:yyyy-MM/yyyy-MM, not '" + period + "'");
            }
            asked.put(period.substring(0, colon), period.substring(colon + 1));
        }
        return statistics.programme(allowed(unit), asked);
    }

    /** A manager sees only the units they manage and below; the others are answered as unknown. */
    private String allowed(String unit) {
        if (!access.isOnlyManager()) {
            return unit;
        }
        if (unit == null) {
            throw ProblemException.invalid("unit", "NotNull", "managers see the figures of the units they manage: name one");
        }
        if (!access.managedUnits().contains(unit)) {
            throw ProblemException.notFound("unit " + unit);
        }
        return unit;
    }

    /** The period's first month; by default January of last year. */
    private YearMonth first(String value) {
        return month("from", value, YearMonth.of(YearMonth.now(clock).getYear() - 1, 1));
    }

    /** The period's last month; by default December of last year. */
    private YearMonth last(String value) {
        return month("to", value, YearMonth.of(YearMonth.now(clock).getYear() - 1, 12));
    }

    private static YearMonth month(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "Format", "a month as yyyy-MM, not '" + value + "'");
        }
    }
}
