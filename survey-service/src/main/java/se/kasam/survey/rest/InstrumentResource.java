package se.kasam.survey.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.platform.web.Versions;
import se.kasam.survey.mapping.InstrumentView;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.service.InstrumentService;

/** Survey instruments as data: read by anyone signed in, created and changed by the project lead. */
@Path("/api/surveys/instruments")
@Tag(name = "Instruments")
public class InstrumentResource {
    @Inject
    InstrumentService service;

    @GET
    @Authenticated
    @Operation(operationId = "listInstruments", summary = "The instruments, each at its newest version")
    @APIResponse(responseCode = "200", description = "A page of instruments")
    public Page<InstrumentView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getInstrument", summary = "One instrument: its newest version, or the one asked for")
    @APIResponse(responseCode = "200", description = "The instrument; ETag is its revision (send it in If-Match to change it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstrumentView.class)))
    public Response get(@PathParam("code") String code, @QueryParam("version") @Min(1) Integer version) {
        InstrumentView view = service.get(code, version);
        return Response.ok(view).tag(Versions.etag(view.revision())).build();
    }

    @POST
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "createInstrument", summary = "Create or import an instrument from its JSON definition")
    @APIResponse(responseCode = "201", description = "Created as version 1",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstrumentView.class)))
    @APIResponse(responseCode = "409", description = "An instrument with this code exists")
    public Response create(@NotNull InstrumentDefinition definition) {
        InstrumentView view = service.create(definition);
        return Response.created(UriBuilder.fromResource(InstrumentResource.class).path(view.code()).build())
                .entity(view).tag(Versions.etag(view.revision())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "replaceInstrument", summary = "Change the newest version, while no survey round uses it")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstrumentView.class)))
    @APIResponse(responseCode = "409", description = "A round uses this version: add a new version instead")
    public Response replace(@PathParam("code") String code,
                            @HeaderParam("If-Match") @Parameter(required = true, description = "The ETag you read") String ifMatch,
                            @NotNull InstrumentDefinition definition) {
        InstrumentView view = service.replace(code, ifMatch, definition);
        return Response.ok(view).tag(Versions.etag(view.revision())).build();
    }

    @POST
    @Path("/{code}/versions")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "addInstrumentVersion",
            summary = "Add a new version (say, with the licensed texts loaded); rounds keep the version they use")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstrumentView.class)))
    public Response addVersion(@PathParam("code") String code, @NotNull InstrumentDefinition definition) {
        InstrumentView view = service.addVersion(code, definition);
        return Response.created(UriBuilder.fromResource(InstrumentResource.class).path(code)
                        .queryParam("version", view.version()).build())
                .entity(view).tag(Versions.etag(view.revision())).build();
    }
}
