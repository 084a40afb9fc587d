package se.kasam.sickleave.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.StatisticsViews.BreakdownView;
import se.kasam.sickleave.mapping.StatisticsViews.KeyFiguresView;
import se.kasam.sickleave.mapping.StatisticsViews.MonthlyView;
import se.kasam.sickleave.mapping.StatisticsViews.ProgrammeView;
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
    private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    private static final String UNKNOWN_UNIT = "No such unit, or (a manager) not one they manage";

    @Inject
    StatisticsService statistics;

    @GET
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(operationId = "getSickLeaveKeyFigures", summary = "The seven key figures for a period and a unit subtree",
            description = PERIOD)
    @APIResponse(responseCode = "200", description = "The key figures, from the protected publication")
    @APIResponse(responseCode = "404", description = UNKNOWN_UNIT)
    public KeyFiguresView keyFigures(@QueryParam("unit") @Parameter(description = UNIT) String unit,
                                     @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) String from,
                                     @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) String to) {
        return statistics.keyFigures(unit, from, to);
    }

    @GET
    @Path("/monthly")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(operationId = "getSickLeaveMonthly", summary = "A monthly series of the key figures",
            description = PERIOD + " At most 120 months.")
    @APIResponse(responseCode = "200", description = "The series, each month a cell of the protected publication")
    @APIResponse(responseCode = "404", description = UNKNOWN_UNIT)
    public MonthlyView monthly(@QueryParam("unit") @Parameter(description = UNIT) String unit,
                               @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) String from,
                               @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) String to) {
        return statistics.monthly(unit, from, to);
    }

    @GET
    @Path("/units")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(operationId = "getSickLeaveBreakdown", summary = "The key figures of each child unit of a unit",
            description = PERIOD)
    @APIResponse(responseCode = "200", description = "The unit, its own staff and each child unit, from the protected publication")
    @APIResponse(responseCode = "404", description = UNKNOWN_UNIT)
    public BreakdownView breakdown(@QueryParam("unit") @Parameter(description = "The unit to break down", required = true) String unit,
                                   @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) String from,
                                   @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) String to) {
        return statistics.breakdown(unit, from, to);
    }

    @GET
    @Path("/programme")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.MANAGER, Roles.HR_ADMIN})
    @Operation(operationId = "getSickLeaveProgrammeComparison",
            summary = "The programme comparison: before, during and after, side by side with the change",
            description = "Periods as name:yyyy-MM/yyyy-MM, repeated; by default the configured programme periods.")
    @APIResponse(responseCode = "200", description = "The periods' figures (derived from the publication's cells, or NOT_DERIVABLE) and their changes")
    @APIResponse(responseCode = "404", description = UNKNOWN_UNIT)
    public ProgrammeView programme(@QueryParam("unit") @Parameter(description = UNIT) String unit,
                                   @QueryParam("period") List<String> periods) {
        return statistics.programme(unit, periods);
    }
}
