package se.kasam.sickleave.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.batch.ImportMode;
import se.kasam.platform.batch.RowResult.Outcome;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;
import se.kasam.platform.web.Versions;
import se.kasam.sickleave.mapping.SpellBatchBody;
import se.kasam.sickleave.mapping.SpellBatchReader;
import se.kasam.sickleave.mapping.SpellImportReport;
import se.kasam.sickleave.mapping.SpellInput;
import se.kasam.sickleave.mapping.SpellView;
import se.kasam.sickleave.service.AbsenceQueries;
import se.kasam.sickleave.service.SpellService;
import se.kasam.sickleave.service.SpellService.Written;

@Path("/api/sickleave/spells")
@Tag(name = "Absence spells")
public class SpellResource {
    private static final String IMPORT = """
            Applies a batch of absence spells. mode=atomic (default): one rejected row and nothing is written (400 \
            problem naming spells[row].field for every rejected row); mode=partial: the valid rows are applied; \
            mode=dry-run: the report only. Each row is reported as CREATED, UPDATED, UNCHANGED or REJECTED with field, \
            rule and reason. A spell's periods are contiguous (the extent, 25/50/75/100, may change between them); \
            only the last may be open. A spell overlapping another of the same employee (stored or in the batch) is \
            rejected, naming it. A spell of an employee not yet known is kept and counted once the employee arrives.""";

    @Inject
    SpellService spells;

    @Inject
    SpellBatchReader reader;

    @Inject
    AbsenceQueries queries;

    @Inject
    Caller caller;

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "importSpells", summary = "Import absence spells (JSON or CSV)", description = IMPORT)
    @APIResponse(responseCode = "200", description = "The per-row report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpellImportReport.class)))
    @APIResponse(responseCode = "400", description = "Unreadable batch, or (mode=atomic) rows rejected: nothing written")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpellBatchBody.class)))
    public SpellImportReport importJson(byte[] body, @QueryParam("mode") @Parameter(description = "atomic, partial or dry-run") String mode) {
        return spells.importBatch(reader.readJson(body), ImportMode.parse(mode), caller.name());
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "importSpells", summary = "Import absence spells (CSV)", description = IMPORT + " CSV: UTF-8 with or without BOM, ';' "
            + "or ',' separated, header spellId, employeeNumber, kind, expectedLongTerm, firstDay, lastDay, extent; "
            + "one line per period, the lines of a spell sharing its id.")
    public SpellImportReport importCsv(byte[] body, @QueryParam("mode") String mode) {
        return spells.importBatch(reader.readCsv(body), ImportMode.parse(mode), caller.name());
    }

    @PUT
    @Path("/{spellId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "putSpell", summary = "Create or replace a spell", description = "By the HR key. "
            + "Replacing a spell needs If-Match with its ETag (428 without it, 412 when stale); creating one needs "
            + "none, and If-None-Match: * makes the call create-only (412 when the spell exists). 201 when created, "
            + "200 when replaced.")
    @APIResponse(responseCode = "200", description = "Replaced; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpellView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpellView.class)))
    @APIResponse(responseCode = "428", description = "The spell exists and If-Match is missing")
    public Response upsert(@PathParam("spellId") String spellId, @NotNull @Valid SpellInput spell,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read last; required "
                                   + "to replace a spell, absent to create one") String ifMatch,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "* to create only")
                           String ifNoneMatch, @Context UriInfo uri) {
        if (!spellId.equals(spell.spellId())) {
            throw ProblemException.invalid("spellId", "MatchesPath", "the body's spellId must be the one in the path, " + spellId);
        }
        Written written = spells.upsert(spell, ifMatch, ifNoneMatch, caller.name());
        Response.ResponseBuilder answer = written.outcome() == Outcome.CREATED
                ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return answer.tag(Versions.etag(written.version())).entity(SpellView.of(spell, written.version())).build();
    }

    @DELETE
    @Path("/{spellId}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "deleteSpell", summary = "Delete a spell", description = "Needs If-Match with the spell's ETag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("spellId") String spellId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = "The ETag read "
                                   + "last (428 without it, 412 when it is not the current version)") String ifMatch) {
        spells.delete(spellId, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{spellId}")
    @RolesAllowed({Roles.HR_ADMIN, Roles.MANAGER, Roles.EMPLOYEE})
    @Operation(operationId = "getSpell", summary = "One spell", description = "hr-admin, the manager of the employee's unit or a unit above, or "
            + "the employee; anyone else gets 404. Every read is written to the audit log.")
    @APIResponse(responseCode = "200", description = "The spell; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpellView.class)))
    public Response get(@PathParam("spellId") String spellId) {
        SpellView spell = queries.spell(spellId, "GET /api/sickleave/spells/{spellId}");
        return Response.ok(spell).tag(Versions.etag(spell.version())).build();
    }
}
