package se.kasam.participants.mapping;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.platform.batch.ImportMode;
import se.kasam.platform.batch.RowResult;
import se.kasam.platform.batch.RowResult.Counts;

/**
 * What an HR import did, or (dry run, or an atomic batch with a rejected row) would have done: every row with
 * its outcome, and in a full batch the employees marked as left.
 */
@Schema(description = "The outcome of an HR import, row by row")
public record ImportReport(ImportMode mode, boolean full, LocalDate batchDate,
                           @Schema(description = "true when the changes were written") boolean applied,
                           Counts units, Counts employees, List<RowResult> unitRows, List<RowResult> employeeRows) {
}
