package se.kasam.participants.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.participants.mapping.UnitView;
import se.kasam.participants.service.UnitService;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.platform.web.Versions;

@Path("/api/participants/units")
@Tag(name = "Units")
public class UnitResource {
    @Inject
    UnitService service;

    @POST
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "createUnit", summary = "Create a unit",
            description = "Publishes the unit's state on kasam.participants.units.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "A unit with this code exists already")
    public Response create(@Valid @NotNull UnitInput input, @jakarta.ws.rs.core.Context UriInfo uri) {
        UnitView unit = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(unit.code()).build())
                .tag(Versions.etag(unit.version())).entity(unit).build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN, Roles.PROJECT_LEAD, Roles.MANAGER, Roles.EVALUATOR})
    @Operation(operationId = "getUnit", summary = "Read a unit",
            description = "The ETag is the unit's version; send it in If-Match to update.")
    @APIResponse(responseCode = "200", description = "The unit; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    public Response get(@PathParam("code") String code) {
        UnitView unit = service.get(code);
        return Response.ok(unit).tag(Versions.etag(unit.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "updateUnit", summary = "Update (rename, move, change managers of) a unit",
            description = "Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The unit as stored; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Changed by someone else at the same time, or the move would make a cycle")
    public Response update(@PathParam("code") String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = EmployeeResource.IF_MATCH) String ifMatch,
                           @Valid @NotNull UnitInput input) {
        UnitView unit = service.update(code, input, ifMatch);
        return Response.ok(unit).tag(Versions.etag(unit.version())).build();
    }

    @GET
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN, Roles.PROJECT_LEAD, Roles.MANAGER, Roles.EVALUATOR})
    @Operation(operationId = "listUnits", summary = "List units, by code")
    public Page<UnitView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }
}
