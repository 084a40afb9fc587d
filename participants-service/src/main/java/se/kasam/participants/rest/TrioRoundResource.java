package se.kasam.participants.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import se.kasam.participants.mapping.FormRound;
import se.kasam.participants.mapping.MoveMember;
import se.kasam.participants.mapping.RoundView;
import se.kasam.participants.mapping.TrioGroupView;
import se.kasam.participants.service.TrioService;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.security.Roles;

@Path("/api/participants/trio-rounds")
@Tag(name = "Trio groups")
public class TrioRoundResource {
    @Inject
    TrioService service;

    @POST
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "formTrioRound", summary = "Form a trio round", description = """
            Groups every active employee of each workplace (the employees whose unit it is; a unit's own manager \
            goes one level up, with the managers of the neighbouring units) into groups of three, \
            with a four or a pair only where the head count forces it. A workplace with a single employee joins the \
            pool of the nearest unit up the tree; one alone up to the top of the round is reported as unplaced. \
            No group holds a manager with someone who reports to them (the managers of their unit, or above it for \
            a unit's own manager) unless the pool leaves no way around it; pairs that met in earlier rounds are \
            avoided as far as the search finds. The same seed gives the same round. The report says what could not \
            be satisfied and why. Publishes every group on kasam.participants.triogroups.""")
    @APIResponse(responseCode = "201", description = "Formed; Location names the round",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response form(@Valid @NotNull FormRound request, @Context UriInfo uri) {
        RoundView round = service.form(request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(round.id())).build()).entity(round).build();
    }

    @GET
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "listTrioRounds", summary = "List trio rounds, newest first")
    public Page<RoundView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{roundId}")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "getTrioRound", summary = "Read a trio round and its report")
    public RoundView get(@PathParam("roundId") long roundId) {
        return service.get(roundId);
    }

    @GET
    @Path("/{roundId}/groups")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "listTrioGroups", summary = "The groups of a round", description = "Optionally of one unit's pool; a manager sees the "
            + "groups of the units they manage and below only.")
    public Page<TrioGroupView> groups(@PathParam("roundId") long roundId, @QueryParam("unit") String unitCode,
                                      @BeanParam @Valid PageRequest page) {
        return service.groups(roundId, unitCode, page);
    }

    @POST
    @Path("/{roundId}/moves")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.MANAGER})
    @Operation(operationId = "moveTrioMember", summary = "Move a member to another group of the round", description = "The rules are checked again "
            + "(GroupSize, SameWorkplace, ManagerWithReport, MetBefore); a broken rule refuses the move with a problem "
            + "naming it, unless the project lead sends force=true. If-Match is required: the target group's version "
            + "as read (428 without, 412 if the group has changed since). Both groups are published.")
    public TrioGroupView move(@PathParam("roundId") long roundId, @HeaderParam("If-Match") @Parameter(required = true, description = "the target group's version, as read") String ifMatch,
                              @Valid @NotNull MoveMember move) {
        return service.move(roundId, move, ifMatch);
    }
}
