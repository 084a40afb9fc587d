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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Inject
    EmployeeService service;

    @POST
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(summary = "Create an employee", description = "Publishes the employee's state on kasam.participants.employees.")
    public Response create(@Valid @NotNull EmployeeInput input, @Context UriInfo uri) {
        EmployeeView employee = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(employee.employeeNumber()).build())
                .tag(Versions.etag(employee.version())).entity(employee).build();
    }

    @GET
    @Path("/{employeeNumber}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN, Roles.PROJECT_LEAD, Roles.MANAGER, Roles.EMPLOYEE})
    @Operation(summary = "Read an employee", description = "HR and the project lead read anyone; a manager the staff "
            + "of the units they manage and below; an employee only themselves. Anyone else: 404.")
    public Response get(@PathParam("employeeNumber") String employeeNumber) {
        EmployeeView employee = service.get(employeeNumber);
        return Response.ok(employee).tag(Versions.etag(employee.version())).build();
    }

    @PUT
    @Path("/{employeeNumber}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(summary = "Update an employee", description = "Needs If-Match; an unchanged record publishes nothing.")
    public Response update(@PathParam("employeeNumber") String employeeNumber,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull EmployeeInput input) {
        EmployeeView employee = service.update(employeeNumber, input, ifMatch);
        return Response.ok(employee).tag(Versions.etag(employee.version())).build();
    }

    @POST
    @Path("/{employeeNumber}/end")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(summary = "End an employment", description = "Sets the last day of employment; needs If-Match. "
            + "The employee is kept (never deleted); from that day they count as left, and their trio group is repaired.")
    public Response end(@PathParam("employeeNumber") String employeeNumber,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull EndEmployment end) {
        EmployeeView employee = service.end(employeeNumber, end.endDate(), ifMatch);
        return Response.ok(employee).tag(Versions.etag(employee.version())).build();
    }

    @GET
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN, Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(summary = "List employees by employee number, filtered by unit subtree, activity, gender, employment type",
            description = "A manager lists only the units they manage and below; another unit is a 404.")
    public Page<EmployeeView> list(@BeanParam EmployeeFilter filter, @BeanParam @Valid PageRequest page) {
        return service.list(filter, page);
    }
}
