package se.kasam.participants.mapping;

import java.util.List;
import se.kasam.platform.problem.Problem.Violation;

/** An HR batch as read from JSON or CSV, before any rule is checked. */
public record HrBatch(List<Row<UnitInput>> units, List<Row<EmployeeInput>> employees) {

    /**
     * One row of the batch.
     *
     * @param number 1-based, in the order sent (for CSV: the data row after the header)
     * @param key    the HR key as sent (unit code or employee number), null if absent
     * @param value  the row, or null where it could not be read
     * @param errors why it could not be read
     */
    public record Row<T>(int number, String key, T value, List<Violation> errors) {
    }
}
