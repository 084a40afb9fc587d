package se.kasam.workshops.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.platform.web.Versions;
import se.kasam.workshops.mapping.UnitSettingInput;
import se.kasam.workshops.mapping.UnitSettingView;
import se.kasam.workshops.mapping.WorkplaceActivityInput;
import se.kasam.workshops.mapping.WorkplaceActivityView;
import se.kasam.workshops.service.ActivityService;
import se.kasam.workshops.service.UnitSettingService;

/** A workplace as the programme sees it: its location and staffing cap, and its health-promoting meetings. */
@Path("/api/workshops/units/{code}")
@Tag(name = "Workplaces")
public class UnitResource {
    @Inject
    UnitSettingService settings;

    @Inject
    ActivityService activities;

    @GET
    @Path("/setting")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "getUnitSetting", summary = "A workplace's location and staffing cap (the default when none is set)")
    @APIResponse(responseCode = "200", description = "The setting; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitSettingView.class)))
    public Response setting(@PathParam("code") String code) {
        UnitSettingView setting = settings.get(code);
        return Response.ok(setting).tag(Versions.etag(setting.version())).build();
    }

    @PUT
    @Path("/setting")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "putUnitSetting", summary = "Set a workplace's location and staffing cap")
    @APIResponse(responseCode = "200", description = "As stored; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitSettingView.class)))
    @APIResponse(responseCode = "428", description = "The unit has a setting and If-Match is missing: send the ETag you read")
    public Response putSetting(@PathParam("code") String code,
                               @Parameter(description = "The ETag read last; needed once the unit has a setting")
                               @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid UnitSettingInput input) {
        UnitSettingView setting = settings.put(code, ifMatch, input);
        return Response.ok(setting).tag(Versions.etag(setting.version())).build();
    }

    @POST
    @Path("/activities")
    @RolesAllowed({Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "recordWorkplaceActivity",
            summary = "Record a workplace meeting or development talks held on a Kasam theme, and who took part")
    @APIResponse(responseCode = "201", description = "Recorded; the attendees' hours are counted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkplaceActivityView.class)))
    public Response record(@PathParam("code") String code, @NotNull @Valid WorkplaceActivityInput input) {
        return Response.status(Response.Status.CREATED).entity(activities.recordActivity(code, input)).build();
    }

    @GET
    @Path("/activities")
    @RolesAllowed({Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "listWorkplaceActivities", summary = "A unit's recorded workplace activities, newest first")
    @APIResponse(responseCode = "200", description = "A page of activities")
    public Page<WorkplaceActivityView> activities(@PathParam("code") String code, @BeanParam @Valid PageRequest page) {
        return activities.activities(code, page);
    }
}
