package se.kasam.sickleave.rest;

import jakarta.annotation.security.RolesAllowed;
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
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.EmployeeView;
import se.kasam.sickleave.mapping.SpellView;
import se.kasam.sickleave.service.AbsenceQueries;
import se.kasam.sickleave.service.EmployeeProjection;

@Path("/api/sickleave/employees")
@Tag(name = "Employees (working-time basis)")
public class EmployeeResource {
    @Inject
    EmployeeProjection projection;

    @Inject
    AbsenceQueries queries;

    @GET
    @Path("/{employeeNumber}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "getSickLeaveEmployee", summary = "The working-time basis this service holds for an employee",
            description = "Built from participants-service's employee events: unit, legal gender, birth year, "
                    + "employment rate, full-time hours and employment dates.")
    public EmployeeView get(@PathParam("employeeNumber") String employeeNumber) {
        return projection.get(employeeNumber);
    }

    @GET
    @Path("/{employeeNumber}/spells")
    @RolesAllowed({Roles.HR_ADMIN, Roles.MANAGER, Roles.EMPLOYEE})
    @Operation(operationId = "listEmployeeSpells", summary = "An employee's spells, oldest first", description = "hr-admin, the manager of the employee's unit or a unit "
            + "above, or the employee; anyone else gets 404. Every read is written to the audit log.")
    public Page<SpellView> spellsOf(@PathParam("employeeNumber") String employeeNumber, @BeanParam @Valid PageRequest page) {
        return queries.spellsOf(employeeNumber, page, "GET /api/sickleave/employees/{employeeNumber}/spells");
    }
}
