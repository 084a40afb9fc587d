package se.kasam.workshops.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.workshops.mapping.WorkshopModuleView;
import se.kasam.workshops.service.WorkshopModuleService;

@Path("/api/workshops/modules")
@Tag(name = "Workshop modules")
public class WorkshopModuleResource {
    @Inject
    WorkshopModuleService service;

    @GET
    @Authenticated
    @Operation(operationId = "listWorkshopModules", summary = "The three workshop modules, in programme order")
    public Page<WorkshopModuleView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getWorkshopModule", summary = "One workshop module")
    public WorkshopModuleView get(@PathParam("code") String code) {
        return service.get(code);
    }
}
