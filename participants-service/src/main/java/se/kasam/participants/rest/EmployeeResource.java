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
import jakarta.ws.rs.core.Context;
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
import se.kasam.participants.mapping.EmployeeFilter;
import se.kasam.participants.mapping.EmployeeInput;
import se.kasam.participants.mapping.EndEmployment;
import se.kasam.participants.mapping.EmployeeView;
import se.kasam.participants.service.EmployeeService;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.platform.web.Versions;

@Path("/api/participants/employees")
@Tag(name = "Employees")
public class EmployeeResource {
    static final String IF_MATCH = "The ETag read last (required: 428 without it, 412 when it is not the current version)";

    @Inject
    EmployeeService service;

    @POST
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "createEmployee", summary = "Create an employee",
            description = "Publishes the employee's state on kasam.participants.employees.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "409", description = "An employee with this number exists already")
    public Response create(@Valid @NotNull EmployeeInput input, @Context UriInfo uri) {
        EmployeeView employee = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(employee.employeeNumber()).build())
                .tag(Versions.etag(employee.version())).entity(employee).build();
    }

    @GET
    @Path("/{employeeNumber}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN, Roles.PROJECT_LEAD, Roles.MANAGER, Roles.EMPLOYEE})
    @Operation(operationId = "getEmployee", summary = "Read an employee", description = "HR and the project lead read anyone; a manager the staff "
            + "of the units they manage and below; an employee only themselves. Anyone else: 404.")
    @APIResponse(responseCode = "200", description = "The employee; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeView.class)))
    public Response get(@PathParam("employeeNumber") String employeeNumber) {
        EmployeeView employee = service.get(employeeNumber);
        return Response.ok(employee).tag(Versions.etag(employee.version())).build();
    }

    @PUT
    @Path("/{employeeNumber}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "updateEmployee", summary = "Update an employee",
            description = "Needs If-Match; an unchanged record publishes nothing.")
    @APIResponse(responseCode = "200", description = "The employee as stored; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "409", description = "Changed by someone else at the same time")
    public Response update(@PathParam("employeeNumber") String employeeNumber,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = IF_MATCH) String ifMatch,
                           @Valid @NotNull EmployeeInput input) {
        EmployeeView employee = service.update(employeeNumber, input, ifMatch);
        return Response.ok(employee).tag(Versions.etag(employee.version())).build();
    }

    @POST
    @Path("/{employeeNumber}/end")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "endEmployment", summary = "End an employment", description = "Sets the last day of employment; needs If-Match. "
            + "The employee is kept (never deleted); from that day they count as left, and their trio group is repaired.")
    @APIResponse(responseCode = "200", description = "The employee as stored; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "409", description = "Changed by someone else at the same time")
    public Response end(@PathParam("employeeNumber") String employeeNumber,
                        @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = IF_MATCH) String ifMatch,
                        @Valid @NotNull EndEmployment end) {
        EmployeeView employee = service.end(employeeNumber, end.endDate(), ifMatch);
        return Response.ok(employee).tag(Versions.etag(employee.version())).build();
    }

    @GET
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN, Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "listEmployees", summary = "List employees by employee number, filtered by unit subtree, activity, gender, employment type",
            description = "A manager lists only the units they manage and below; another unit is a 404.")
    @APIResponse(responseCode = "200", description = "One page of employees")
    @APIResponse(responseCode = "404", description = "No such unit, or not one the manager manages")
    public Page<EmployeeView> list(@BeanParam EmployeeFilter filter, @BeanParam @Valid PageRequest page) {
        return service.list(filter, page);
    }
}
