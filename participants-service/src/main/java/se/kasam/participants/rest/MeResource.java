package se.kasam.participants.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.participants.mapping.EmployeeView;
import se.kasam.participants.mapping.MyTrio;
import se.kasam.participants.service.EmployeeService;
import se.kasam.participants.service.TrioService;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Caller;

@Path("/api/participants/me")
@Tag(name = "Me")
public class MeResource {
    @Inject
    EmployeeService service;

    @Inject
    Caller caller;

    @Inject
    TrioService trios;

    @GET
    @Authenticated
    @Operation(operationId = "getMyEmployee", summary = "The caller's own employee record",
            description = "Found by the token's employee_number; 404 for a login that is not tied to an employee.")
    @APIResponse(responseCode = "200", description = "The caller's employee record")
    @APIResponse(responseCode = "404", description = "The login is not tied to an employee")
    public EmployeeView me() {
        String self = caller.employeeNumber().orElseThrow(() -> ProblemException.notFound("employee for this login"));
        return service.get(self);
    }

    @GET
    @Path("/trio")
    @Authenticated
    @Operation(operationId = "getMyTrio", summary = "The caller's current trio group", description = "The "
            + "colleagues' names and units, nothing more about them; 404 when the caller is in no group.")
    @APIResponse(responseCode = "200", description = "The caller's group and its colleagues")
    @APIResponse(responseCode = "404", description = "The caller is in no group, or the login is not tied to an employee")
    public MyTrio trio() {
        return trios.mine();
    }
}
