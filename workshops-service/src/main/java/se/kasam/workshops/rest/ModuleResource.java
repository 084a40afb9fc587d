package se.kasam.workshops.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.ModuleInput;
import se.kasam.workshops.mapping.ModuleView;
import se.kasam.workshops.service.ModuleService;

/** The programme's modules: the three workshops for all staff and the managers' training; more added by the project lead. */
@Path("/api/workshops/modules")
@Tag(name = "Workshop modules")
public class ModuleResource {
    @Inject
    ModuleService modules;

    @GET
    @Authenticated
    @Operation(operationId = "listWorkshopModules", summary = "The modules, in programme order")
    @APIResponse(responseCode = "200", description = "A page of modules")
    public Page<ModuleView> list(@BeanParam @Valid PageRequest page) {
        return modules.list(page);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getWorkshopModule", summary = "One module")
    @APIResponse(responseCode = "200", description = "The module",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModuleView.class)))
    public ModuleView get(@PathParam("code") String code) {
        return modules.get(code);
    }

    @POST
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "createWorkshopModule", summary = "Add a module: its order, hours, audience and the module it follows")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModuleView.class)))
    @APIResponse(responseCode = "409", description = "A module with this code exists")
    public Response create(@NotNull @Valid ModuleInput input) {
        ModuleView module = modules.create(input);
        return Response.created(UriBuilder.fromResource(ModuleResource.class).path(module.code()).build())
                .entity(module).build();
    }
}
