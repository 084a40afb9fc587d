package se.kasam.workshops.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.PlanInput;
import se.kasam.workshops.mapping.PlanView;
import se.kasam.workshops.service.PlanService;

/** The planner: proposes bookings for everyone not yet booked, solving in the background; the project lead accepts. */
@Path("/api/workshops/plans")
@Tag(name = "Planning")
public class PlanResource {
    @Inject
    PlanService plans;

    @POST
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "startBookingPlan",
            summary = "Start planning: bookings for every active employee not yet booked for the modules, solved within a time limit")
    @APIResponse(responseCode = "202", description = "Solving; read it for the best plan so far",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response start(@NotNull @Valid PlanInput input) {
        PlanView plan = plans.start(input);
        return Response.accepted(plan).location(UriBuilder.fromResource(PlanResource.class).path(plan.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "getBookingPlan", summary = "A plan: its state, score and proposal (the best so far while solving)")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public PlanView get(@PathParam("id") UUID id) {
        return plans.get(id);
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "stopBookingPlan", summary = "Stop solving now: the best plan so far becomes the plan")
    @APIResponse(responseCode = "200", description = "The plan (done once the solver has stopped)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public PlanView stop(@PathParam("id") UUID id) {
        return plans.stop(id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "acceptBookingPlan",
            summary = "Accept a done plan: its new sessions are planned and its groups booked, each re-checked now")
    @APIResponse(responseCode = "200", description = "What was made, and what no longer fitted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.AcceptReport.class)))
    @APIResponse(responseCode = "409", description = "The plan is still solving, or accepted already")
    public PlanView.AcceptReport accept(@PathParam("id") UUID id) {
        return plans.accept(id);
    }
}
