package se.kasam.participants.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.platform.problem.Problem.Violation;

/**
 * What an HR import did, or (dry run, or an atomic batch with a rejected row) would have done: every row with
 * its outcome, and in a full batch the employees marked as left.
 */
@Schema(description = "The outcome of an HR import, row by row")
public record ImportReport(ImportMode mode, boolean full, LocalDate batchDate,
                           @Schema(description = "true when the changes were written") boolean applied,
                           Counts units, Counts employees, List<RowResult> unitRows, List<RowResult> employeeRows) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED, LEFT }

    /**
     * @param row 1-based row number in the batch (CSV: data rows after the header); 0 for an employee marked as left
     *            because a full batch did not contain them
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RowResult(int row, String key, Outcome outcome, List<Violation> errors) {
    }

    public record Counts(int created, int updated, int unchanged, int rejected, int left) {
        public static Counts of(List<RowResult> rows) {
            int[] n = new int[Outcome.values().length];
            rows.forEach(r -> n[r.outcome().ordinal()]++);
            return new Counts(n[0], n[1], n[2], n[3], n[4]);
        }
    }
}
