package se.kasam.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.survey.mapping.AnswersInput;
import se.kasam.survey.mapping.InvitationView;
import se.kasam.survey.service.SubmissionService;
import se.kasam.survey.service.SurveyAccess;

/** The caller's own invitations: read, save a draft, submit once. Anyone else's is a 404. */
@Path("/api/surveys/me/invitations")
@Tag(name = "My survey invitations")
public class InvitationResource {
    @Inject
    SubmissionService submissions;

    @Inject
    SurveyAccess access;

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "listMySurveyInvitations", summary = "The caller's invitations, newest first")
    @APIResponse(responseCode = "200", description = "The invitations (drafts not included)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = InvitationView.class)))
    public List<InvitationView> list() {
        return submissions.mine(access.employee("invitations"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "getMySurveyInvitation", summary = "One of the caller's invitations, with its draft")
    @APIResponse(responseCode = "200", description = "The invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public InvitationView get(@PathParam("id") UUID id) {
        return submissions.get(id, access.employee("invitation " + id));
    }

    @PUT
    @Path("/{id}/draft")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "saveMySurveyDraft", summary = "Save answers as a draft (may be incomplete); replaces the draft")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Already answered, or the round is not open")
    public InvitationView saveDraft(@PathParam("id") UUID id, @NotNull @Valid AnswersInput answers) {
        return submissions.saveDraft(id, access.employee("invitation " + id), answers);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "submitMySurveyAnswers",
            summary = "Submit the answers, once: they become an anonymous response and the draft is deleted")
    @APIResponse(responseCode = "204", description = "Submitted")
    @APIResponse(responseCode = "409", description = "Already answered, or the round is not open")
    public void submit(@PathParam("id") UUID id, @NotNull @Valid AnswersInput answers) {
        submissions.submit(id, access.employee("invitation " + id), answers);
    }
}
