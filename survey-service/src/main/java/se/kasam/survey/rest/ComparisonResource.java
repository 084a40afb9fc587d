package se.kasam.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.survey.mapping.ComparisonView;
import se.kasam.survey.service.ComparisonService;

/**
 * Baseline against follow-up: project lead, evaluator and hr-admin for any unit; a manager for the units they manage
 * and below (another unit is a 404). Suppressed whoever asks.
 */
@Path("/api/surveys/comparison")
@Tag(name = "Survey results")
public class ComparisonResource {
    private static final String UNIT = "A unit code: its subtree; by default the whole round (a manager must name a unit they manage).";
    private static final String ID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final String UNKNOWN = "No such round, or unit in it, or (a manager) not a unit they manage";

    @Inject
    ComparisonService comparisons;

    @GET
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSurveyComparison",
            summary = "Baseline against follow-up: paired (the same people) and unpaired, per score, overall and by gender")
    @APIResponse(responseCode = "200", description = "The changes: mean with 95 % CI, t-test, Wilcoxon, effect sizes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonView.class)))
    @APIResponse(responseCode = "404", description = UNKNOWN)
    @APIResponse(responseCode = "409", description = "A round has not closed")
    public ComparisonView compare(@QueryParam("baseline") @NotNull @Pattern(regexp = ID) @Parameter(description = "The baseline round's id") String baseline,
                                  @QueryParam("followUp") @NotNull @Pattern(regexp = ID) @Parameter(description = "The follow-up round's id") String followUp,
                                  @QueryParam("unit") @Parameter(description = UNIT) String unit) {
        return comparisons.compare(UUID.fromString(baseline), UUID.fromString(followUp), unit);
    }
}
