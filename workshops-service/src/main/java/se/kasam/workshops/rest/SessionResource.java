package se.kasam.workshops.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.AttendanceInput;
import se.kasam.workshops.mapping.BookingInput;
import se.kasam.workshops.mapping.BookingView;
import se.kasam.workshops.mapping.SessionInput;
import se.kasam.workshops.mapping.SessionView;
import se.kasam.workshops.mapping.TrioBookingInput;
import se.kasam.workshops.service.AttendanceService;
import se.kasam.workshops.service.BookingService;
import se.kasam.workshops.service.SessionService;

/**
 * Sessions of the modules: planned and cancelled by the project lead, booked by employees (their own place), managers
 * (their staff) and the project lead (anyone), attended as the facilitator marks it.
 */
@Path("/api/workshops/sessions")
@Tag(name = "Sessions and bookings")
public class SessionResource {
    @Inject
    SessionService sessions;

    @Inject
    BookingService bookings;

    @Inject
    AttendanceService attendance;

    @POST
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "createSession", summary = "Plan a session of a module: time, place, seats, facilitators")
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Response create(@NotNull @Valid SessionInput input) {
        SessionView session = sessions.create(input);
        return Response.created(UriBuilder.fromResource(SessionResource.class).path(session.id().toString()).build())
                .entity(session).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listSessions", summary = "Sessions in time order, by module, time window and status")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    public Page<SessionView> list(@QueryParam("module") String module,
                                  @Parameter(description = "Sessions that end after this time", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                  @QueryParam("from") String from,
                                  @Parameter(description = "Sessions that start before this time", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                  @QueryParam("to") String to,
                                  @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PLANNED", "CANCELLED", "HELD"}))
                                  @QueryParam("status") @Pattern(regexp = "PLANNED|CANCELLED|HELD", message = "PLANNED, CANCELLED or HELD") String status,
                                  @BeanParam @Valid PageRequest page) {
        return sessions.list(module, from, to, status, page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getSession", summary = "One session, with its seats taken and its waitlist's length")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.PROJECT_LEAD)
    @Operation(operationId = "cancelSession", summary = "Cancel a planned session: its bookings are freed and its waitlist told")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The session is not planned")
    public SessionView cancel(@PathParam("id") UUID id) {
        return sessions.cancel(id);
    }

    @POST
    @Path("/{id}/bookings")
    @RolesAllowed({Roles.EMPLOYEE, Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "bookSession",
            summary = "Book a place (the caller's own, a manager's staff member's, or anyone's for the project lead); "
                    + "when the session is full, a place on its waitlist")
    @APIResponse(responseCode = "201", description = "Booked or waitlisted (see status and waitlistPosition)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "Refused by a rule (errors[].rule): one booking per module, module "
            + "order, the workplace's staffing cap (which unit, how many already away), audience, the session's state")
    public Response book(@PathParam("id") UUID id, @Valid BookingInput input) {
        BookingView booking = bookings.book(id, input);
        return Response.created(UriBuilder.fromResource(BookingResource.class).build(booking.id()))
                .entity(booking).build();
    }

    @GET
    @Path("/{id}/bookings")
    @RolesAllowed({Roles.FACILITATOR, Roles.PROJECT_LEAD})
    @Operation(operationId = "listSessionBookings", summary = "A session's bookings and waitlist, for its facilitators")
    @APIResponse(responseCode = "200", description = "In arrival order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BookingView.class)))
    public List<BookingView> bookings(@PathParam("id") UUID id) {
        return bookings.ofSession(id);
    }

    @POST
    @Path("/{id}/trio-bookings")
    @RolesAllowed({Roles.EMPLOYEE, Roles.MANAGER, Roles.PROJECT_LEAD})
    @Operation(operationId = "bookSessionForTrioGroup",
            summary = "Book a trio group's members together: every one of them gets a seat, or none is booked")
    @APIResponse(responseCode = "201", description = "All booked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "Not enough seats for all, or a member refused by a rule")
    public Response bookTrio(@PathParam("id") UUID id, @NotNull @Valid TrioBookingInput input) {
        return Response.status(Response.Status.CREATED).entity(bookings.bookTrio(id, input)).build();
    }

    @PUT
    @Path("/{id}/attendance")
    @RolesAllowed({Roles.FACILITATOR, Roles.PROJECT_LEAD})
    @Operation(operationId = "markAttendance",
            summary = "Mark bookings attended (with hours) or absent, from the session's start; the session is then held")
    @APIResponse(responseCode = "200", description = "The marked bookings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "The session is cancelled or has not begun")
    public List<BookingView> mark(@PathParam("id") UUID id, @NotNull @Valid AttendanceInput input) {
        return attendance.mark(id, input);
    }
}
