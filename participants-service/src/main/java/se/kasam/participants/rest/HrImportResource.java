package se.kasam.participants.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import se.kasam.participants.mapping.HrBatch;
import se.kasam.participants.mapping.HrBatchBody;
import se.kasam.participants.mapping.HrBatchReader;
import se.kasam.platform.batch.ImportMode;
import se.kasam.participants.mapping.ImportReport;
import se.kasam.participants.service.HrImportService;
import se.kasam.platform.security.Roles;

@Path("/api/participants/hr/import")
@Tag(name = "HR import")
public class HrImportResource {
    private static final String DESCRIPTION = """
            Applies a whole batch of units and employees. mode=atomic (default): all or nothing, one rejected row \
            and nothing is written (400 problem naming employees[row].field for every rejected row); \
            mode=partial: the valid rows are applied and the rest reported; mode=dry-run: the report only. \
            Each row is reported as CREATED, UPDATED, UNCHANGED or REJECTED (with field, rule and reason); only real \
            changes are written and published, so re-sending a batch changes nothing. An employee must name a unit \
            of the batch or one already known. full=true: an employee missing from the batch is marked as left on \
            batchDate (default today), never deleted.""";

    @Inject
    HrBatchReader reader;

    @Inject
    HrImportService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "importHrBatch", summary = "Import an HR batch (JSON, CSV files or one CSV file)", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The per-row report")
    @APIResponse(responseCode = "400", description = "Unreadable batch, or (mode=atomic) rows rejected: nothing written")
    @APIResponse(responseCode = "409", description = "Changed by someone else at the same time: nothing written")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HrBatchBody.class)))
    public ImportReport importJson(byte[] body, @QueryParam("mode") @Parameter(description = "atomic, partial or dry-run") String mode,
                                   @QueryParam("full") boolean full, @QueryParam("batchDate") LocalDate batchDate) {
        return run(reader.readJson(body), mode, full, batchDate);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "importHrBatch", summary = "Import an HR batch (CSV files)", description = DESCRIPTION + " Two optional parts, "
            + "'units' and 'employees', each a CSV file: UTF-8 with or without BOM, ';' or ',' separated, a header "
            + "row with the JSON field names; managers separated by '|' or spaces; a decimal comma is accepted.")
    public ImportReport importCsv(@RestForm("units") FileUpload units, @RestForm("employees") FileUpload employees,
                                  @QueryParam("mode") String mode, @QueryParam("full") boolean full,
                                  @QueryParam("batchDate") LocalDate batchDate) {
        return run(reader.readCsv(bytes(units), bytes(employees)), mode, full, batchDate);
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed({Roles.HR_INTEGRATION, Roles.HR_ADMIN})
    @Operation(operationId = "importHrBatch", summary = "Import employees (one CSV file)", description = DESCRIPTION + " The body is the employees' CSV file.")
    public ImportReport importEmployeesCsv(byte[] body, @QueryParam("mode") String mode, @QueryParam("full") boolean full,
                                           @QueryParam("batchDate") LocalDate batchDate) {
        return run(reader.readCsv(null, body), mode, full, batchDate);
    }

    private ImportReport run(HrBatch batch, String mode, boolean full, LocalDate batchDate) {
        return service.run(batch, ImportMode.parse(mode), full, batchDate);
    }

    private static byte[] bytes(FileUpload upload) {
        if (upload == null) {
            return null;
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
