package se.kasam.workshops.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.TrioMeetingInput;
import se.kasam.workshops.mapping.TrioMeetingView;
import se.kasam.workshops.service.ActivityService;

/** A trio group's meetings: recorded and read by its members (another group is a 404), and by the project lead. */
@Path("/api/workshops/trio-groups/{id}/meetings")
@Tag(name = "Trio meetings")
public class TrioGroupResource {
    @Inject
    ActivityService activities;

    @POST
    @RolesAllowed({Roles.EMPLOYEE, Roles.PROJECT_LEAD})
    @Operation(operationId = "recordTrioMeeting", summary = "Record that the trio group met: date, minutes, who was there")
    @APIResponse(responseCode = "201", description = "Recorded; those present have the hours counted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrioMeetingView.class)))
    public Response record(@PathParam("id") long id, @NotNull @Valid TrioMeetingInput input) {
        return Response.status(Response.Status.CREATED).entity(activities.recordMeeting(id, input)).build();
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.PROJECT_LEAD})
    @Operation(operationId = "listTrioMeetings", summary = "The trio group's meetings, oldest first")
    @APIResponse(responseCode = "200", description = "The meetings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TrioMeetingView.class)))
    public List<TrioMeetingView> list(@PathParam("id") long id) {
        return activities.meetings(id);
    }
}
