package se.kasam.platform.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import se.kasam.platform.problem.Problem.Violation;

/**
 * What a batch import did (or would do) with one row.
 *
 * @param row 1-based row number in the batch (CSV: data rows after the header); 0 for a record the import changed
 *            without a row of its own (an employee marked as left by a full batch)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RowResult(int row, String key, Outcome outcome, List<Violation> errors) {

    /** The rejected rows' violations, each field named as {@code section[row].field} (rows counted from 1). */
    public static List<Violation> errors(String section, List<RowResult> rows) {
        List<Violation> errors = new ArrayList<>();
        for (RowResult row : rows) {
            for (Violation v : row.errors()) {
                errors.add(new Violation(section + "[" + row.row() + "]." + v.field(), v.rule(),
                        (row.key() == null ? "" : row.key() + ": ") + v.message()));
            }
        }
        return errors;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED, LEFT }

    public record Counts(int created, int updated, int unchanged, int rejected, int left) {
        public static Counts of(List<RowResult> rows) {
            int[] n = new int[Outcome.values().length];
            rows.forEach(r -> n[r.outcome().ordinal()]++);
            return new Counts(n[0], n[1], n[2], n[3], n[4]);
        }
    }
}
