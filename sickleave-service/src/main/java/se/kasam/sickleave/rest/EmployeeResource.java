package se.kasam.sickleave.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.EmployeeView;
import se.kasam.sickleave.service.EmployeeProjection;

@Path("/api/sickleave/employees")
@Tag(name = "Employees (working-time basis)")
public class EmployeeResource {
    @Inject
    EmployeeProjection projection;

    @GET
    @Path("/{employeeNumber}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "The working-time basis this service holds for an employee",
            description = "Built from participants-service's employee events: unit, legal gender, birth year, "
                    + "employment rate, full-time hours and employment dates.")
    public EmployeeView get(@PathParam("employeeNumber") String employeeNumber) {
        return projection.get(employeeNumber);
    }
}
