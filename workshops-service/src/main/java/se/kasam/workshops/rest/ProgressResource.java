package se.kasam.workshops.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.EmployeeProgressView;
import se.kasam.workshops.mapping.ParticipationView;
import se.kasam.workshops.mapping.ProgressView;
import se.kasam.workshops.service.ParticipationService;
import se.kasam.workshops.service.ProgressService;

/** The programme's headline: everyone through all three modules. */
@Path("/api/workshops")
@Tag(name = "Progress")
public class ProgressResource {
    private static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    @Inject
    ProgressService progress;

    @Inject
    ParticipationService participation;

    @GET
    @Path("/progress")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getProgress",
            summary = "How many of the staff (today's, or a day's) have done 0, 1, 2 and all of the modules for all, by all, women and men")
    @APIResponse(responseCode = "200", description = "The progress; small groups hidden",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressView.class)))
    @APIResponse(responseCode = "404", description = "No such unit, or (a manager) not a unit they manage")
    public ProgressView progress(@Parameter(description = "A unit code: its subtree; by default the whole municipality "
            + "(a manager must name a unit they manage)") @QueryParam("unit") String unit,
                                 @Parameter(description = "The staff of this day (default today), e.g. the programme's last",
                                         schema = @Schema(type = SchemaType.STRING, format = "date"))
                                 @QueryParam("on") String on) {
        return progress.of(unit, on);
    }

    @GET
    @Path("/participation")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getParticipation",
            summary = "Participant hours and co-financing by gender, and trio groups formed and meeting, over a span of months")
    @APIResponse(responseCode = "200", description = "The participation; small groups hidden",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "404", description = "No such unit, or (a manager) not a unit they manage")
    public ParticipationView participation(@Parameter(description = "A unit code: its subtree; by default the whole "
            + "municipality (a manager must name a unit they manage)") @QueryParam("unit") String unit,
                                           @Parameter(description = "The first month, yyyy-MM", required = true,
                                                   schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) @QueryParam("from") String from,
                                           @Parameter(description = "The last month, yyyy-MM (at most 120 months from the first)", required = true,
                                                   schema = @Schema(type = SchemaType.STRING, pattern = MONTH)) @QueryParam("to") String to) {
        return participation.of(unit, from, to);
    }

    @GET
    @Path("/employees/{number}/progress")
    @RolesAllowed({Roles.EMPLOYEE, Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "getEmployeeProgress",
            summary = "One employee's modules done, trio meetings and hours: their own, a manager's staff, anyone for the project lead")
    @APIResponse(responseCode = "200", description = "The employee's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeProgressView.class)))
    public EmployeeProgressView employee(@PathParam("number") String number) {
        return progress.ofEmployee(number);
    }
}
