package se.kasam.workshops.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.workshops.mapping.MyProgrammeView;
import se.kasam.workshops.mapping.UnavailableDays;
import se.kasam.workshops.service.MyProgrammeService;

@Path("/api/workshops/me")
@Tag(name = "Sessions and bookings")
public class MeResource {
    @Inject
    MyProgrammeService programme;

    @GET
    @Authenticated
    @Operation(operationId = "getMyProgramme",
            summary = "The caller's bookings, waitlist places, attended modules, trio meetings and hours")
    @APIResponse(responseCode = "200", description = "The caller's programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "The login is not an employee's")
    public MyProgrammeView mine() {
        return programme.mine();
    }

    @GET
    @Path("/unavailable-days")
    @Authenticated
    @Operation(operationId = "getMyUnavailableDays", summary = "The days from today on the caller cannot attend")
    @APIResponse(responseCode = "200", description = "The days",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnavailableDays.class)))
    @APIResponse(responseCode = "404", description = "The login is not an employee's")
    public UnavailableDays unavailableDays() {
        return programme.unavailableDays();
    }

    @PUT
    @Path("/unavailable-days")
    @Authenticated
    @Operation(operationId = "putMyUnavailableDays", summary = "Replace the days from today on the caller cannot attend (the planner keeps them free)")
    @APIResponse(responseCode = "200", description = "As stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnavailableDays.class)))
    @APIResponse(responseCode = "404", description = "The login is not an employee's")
    public UnavailableDays setUnavailableDays(@NotNull @Valid UnavailableDays days) {
        return programme.setUnavailableDays(days);
    }
}
