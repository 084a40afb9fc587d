package se.kasam.workshops.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.BookingView;
import se.kasam.workshops.service.BookingService;

/** One booking: read and cancelled by its employee, their manager or the project lead. */
@Path("/api/workshops/bookings/{id}")
@Tag(name = "Sessions and bookings")
public class BookingResource {
    @Inject
    BookingService bookings;

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "getBooking", summary = "One booking, with its waitlist place while waitlisted")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    public BookingView get(@PathParam("id") UUID id) {
        return bookings.get(id);
    }

    @POST
    @Path("/cancel")
    @RolesAllowed({Roles.EMPLOYEE, Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "cancelBooking", summary = "Cancel a place or a waitlist place; the first on the waitlist moves up")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "Nothing to cancel, or the session has started")
    public BookingView cancel(@PathParam("id") UUID id) {
        return bookings.cancel(id);
    }
}
