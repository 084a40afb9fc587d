package se.kasam.participants.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shape of an HR batch, for the API documentation; the service reads the rows one by one, so a row that
 * cannot be read is reported rather than failing the batch.
 */
@Schema(name = "HrBatch", description = "Units and employees as HR sends them; either list may be left out")
public record HrBatchBody(List<UnitInput> units, List<EmployeeInput> employees) {
}
