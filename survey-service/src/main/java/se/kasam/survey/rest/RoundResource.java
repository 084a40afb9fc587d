package se.kasam.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import se.kasam.survey.mapping.FreeTextView;
import se.kasam.survey.mapping.ReportView;
import se.kasam.survey.mapping.ResponseRatesView;
import se.kasam.survey.service.ReportService;
import se.kasam.survey.service.ResponseRateService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.survey.mapping.ImportReport;
import se.kasam.survey.mapping.ImportedResponse;
import se.kasam.survey.mapping.RoundInput;
import se.kasam.survey.mapping.RoundView;
import se.kasam.survey.service.RoundSchedule;
import se.kasam.survey.service.RoundService;
import se.kasam.survey.service.SubmissionService;

/**
 * Survey rounds: planned, opened and closed by the project lead; read, with their results, by the project lead, the
 * evaluator and hr-admin for any unit, and by a manager for the units they manage and below (another unit is a 404).
 * Results are suppressed whoever asks.
 */
@Path("/api/surveys/rounds")
@Tag(name = "Survey rounds")
public class RoundResource {
    private static final String UNIT = "A unit code: its subtree; by default the whole round (a manager must name a unit they manage).";
    private static final String UNKNOWN = "No such round, or unit in it, or (a manager) not a unit they manage";

    @Inject
    RoundService rounds;

    @Inject
    RoundSchedule schedule;

    @Inject
    SubmissionService submissions;

    @Inject
    ReportService reports;

    @Inject
    ResponseRateService rates;

    @POST
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "createSurveyRound",
            summary = "Plan a round: its instruments, its window and the units whose staff it invites when it opens")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response create(@NotNull @Valid RoundInput input) {
        RoundView round = rounds.create(input);
        return Response.created(UriBuilder.fromResource(RoundResource.class).path(round.id().toString()).build())
                .entity(round).build();
    }

    @GET
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "listSurveyRounds", summary = "The rounds, newest first")
    @APIResponse(responseCode = "200", description = "A page of rounds")
    public Page<RoundView> list(@BeanParam @Valid PageRequest page) {
        return rounds.list(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSurveyRound", summary = "One round")
    @APIResponse(responseCode = "200", description = "The round",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public RoundView get(@PathParam("id") UUID id) {
        return rounds.get(id);
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "openSurveyRound",
            summary = "Open a planned round now: its population (the active staff of its units) and their demographics are frozen")
    @APIResponse(responseCode = "200", description = "Open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not planned")
    public RoundView open(@PathParam("id") UUID id) {
        return schedule.open(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "closeSurveyRound",
            summary = "Close an open round now: no more answers; its protected publication is computed")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not open")
    public RoundView close(@PathParam("id") UUID id) {
        return schedule.close(id);
    }

    @POST
    @Path("/{id}/responses/import")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "importSurveyResponses",
            summary = "Bring in invitees' answers given outside the platform (paper, an earlier tool) while the round is open",
            description = "All or nothing: any bad row and nothing is imported. Each is stored as an anonymous response, as a submit is.")
    @APIResponse(responseCode = "200", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "409", description = "The round is not open")
    public ImportReport importResponses(@PathParam("id") UUID id,
                                        @NotNull @Size(max = 100_000) List<@Valid @NotNull ImportedResponse> responses) {
        return submissions.importResponses(id, responses);
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSurveyReport",
            summary = "A closed round's results per instrument, score and item: n, mean, SD, 95 % CI, distribution")
    @APIResponse(responseCode = "200", description = "From the round's protected publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = UNKNOWN)
    @APIResponse(responseCode = "409", description = "The round has not closed")
    public ReportView report(@PathParam("id") UUID id, @QueryParam("unit") @Parameter(description = UNIT) String unit,
                             @QueryParam("by") @DefaultValue("NONE") @Pattern(regexp = "NONE|GENDER|AGE|UNIT")
                             @Parameter(description = "A breakdown: NONE, GENDER, AGE or UNIT (own staff and each child unit)",
                                     schema = @Schema(enumeration = {"NONE", "GENDER", "AGE", "UNIT"}, defaultValue = "NONE"))
                             String by) {
        return reports.report(id, unit, ReportService.Breakdown.valueOf(by));
    }

    @GET
    @Path("/{id}/response-rates")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSurveyResponseRates",
            summary = "How many have answered, for the unit, its own staff and each child unit: counts only, suppressed like results")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseRatesView.class)))
    @APIResponse(responseCode = "404", description = UNKNOWN)
    @APIResponse(responseCode = "409", description = "The round has not opened")
    public ResponseRatesView rates(@PathParam("id") UUID id, @QueryParam("unit") @Parameter(description = UNIT) String unit) {
        return rates.rates(id, unit);
    }

    @GET
    @Path("/{id}/free-text")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSurveyFreeText",
            summary = "A free-text item's texts for a unit subtree: shuffled, alone, only from groups at the free-text threshold")
    @APIResponse(responseCode = "200", description = "The texts, or the reason there are none to show",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FreeTextView.class)))
    @APIResponse(responseCode = "404", description = UNKNOWN + "; or no such free-text item")
    @APIResponse(responseCode = "409", description = "The round has not closed")
    public FreeTextView freeText(@PathParam("id") UUID id, @QueryParam("unit") @Parameter(description = UNIT) String unit,
                                 @QueryParam("instrument") @NotNull String instrument, @QueryParam("item") @NotNull String item) {
        return reports.freeText(id, unit, instrument, item);
    }
}
