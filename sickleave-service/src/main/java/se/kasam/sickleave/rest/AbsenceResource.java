package se.kasam.sickleave.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.AuditView;
import se.kasam.sickleave.mapping.FollowUpView;
import se.kasam.sickleave.mapping.SpellView;
import se.kasam.sickleave.service.AbsenceQueries;

/** Individual absence: an employee's spells, the follow-up signals, and the audit log of who read them. */
@Path("/api/sickleave")
@Tag(name = "Individual absence")
public class AbsenceResource {
    @Inject
    AbsenceQueries queries;

    @Inject
    Caller caller;

    @GET
    @Path("/me/spells")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "listMySpells", summary = "The caller's own spells, oldest first",
            description = "Written to the audit log like any other read.")
    @APIResponse(responseCode = "200", description = "The caller's spells, audited")
    @APIResponse(responseCode = "404", description = "The login is not tied to an employee")
    public Page<SpellView> mine(@BeanParam @Valid PageRequest page) {
        String self = caller.employeeNumber().orElseThrow(() -> ProblemException.notFound("an employee for this login"));
        return queries.spellsOf(self, page, "GET /api/sickleave/me/spells");
    }

    @GET
    @Path("/follow-ups")
    @RolesAllowed({Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "listFollowUps", summary = "Follow-up signals", description = "hr-admin: all; a manager: those of the employees in the "
            + "units they manage and below. Newest due date first. Each employee listed is written to the audit log.")
    public Page<FollowUpView> followUps(@BeanParam @Valid PageRequest page) {
        return queries.followUps(page, "GET /api/sickleave/follow-ups");
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "listAbsenceAudit", summary = "The audit log of reads of individual absence", description = "Newest first; employee "
            + "filters by whose data was read.")
    public Page<AuditView> audit(@QueryParam("employee") String employeeNumber, @BeanParam @Valid PageRequest page) {
        return queries.audit(employeeNumber, page);
    }
}
