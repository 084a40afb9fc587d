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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Import absence spells (JSON)", description = IMPORT)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpellBatchBody.class)))
    public SpellImportReport importJson(byte[] body, @QueryParam("mode") @Parameter(description = "atomic, partial or dry-run") String mode) {
        return spells.importBatch(reader.readJson(body), ImportMode.parse(mode), caller.name());
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(summary = "Import absence spells (CSV)", description = IMPORT + " CSV: UTF-8 with or without BOM, ';' "
            + "or ',' separated, header spellId, employeeNumber, kind, expectedLongTerm, firstDay, lastDay, extent; "
            + "one line per period, the lines of a spell sharing its id.")
    public SpellImportReport importCsv(byte[] body, @QueryParam("mode") String mode) {
        return spells.importBatch(reader.readCsv(body), ImportMode.parse(mode), caller.name());
    }

    @PUT
    @Path("/{spellId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(summary = "Create or replace a spell", description = "By the HR key; If-Match (the spell's ETag) is "
            + "checked when given. 201 when created, 200 otherwise.")
    public Response upsert(@PathParam("spellId") String spellId, @NotNull @Valid SpellInput spell,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!spellId.equals(spell.spellId())) {
            throw ProblemException.invalid("spellId", "MatchesPath", "the body's spellId must be the one in the path, " + spellId);
        }
        Written written = spells.upsert(spell, ifMatch, caller.name());
        return Response.status(written.outcome() == Outcome.CREATED ? 201 : 200)
                .tag(Versions.etag(written.version())).entity(SpellView.of(spell, written.version())).build();
    }

    @DELETE
    @Path("/{spellId}")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(summary = "Delete a spell", description = "If-Match is checked when given.")
    public Response delete(@PathParam("spellId") String spellId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        spells.delete(spellId, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{spellId}")
    @RolesAllowed({Roles.HR_ADMIN, Roles.MANAGER, Roles.EMPLOYEE})
    @Operation(summary = "One spell", description = "hr-admin, the manager of the employee's unit or a unit above, or "
            + "the employee; anyone else gets 404. Every read is written to the audit log.")
    public Response get(@PathParam("spellId") String spellId) {
        SpellView spell = queries.spell(spellId, "GET /api/sickleave/spells/{spellId}");
        return Response.ok(spell).tag(Versions.etag(spell.version())).build();
    }
}
