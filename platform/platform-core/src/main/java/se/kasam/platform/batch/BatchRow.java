package se.kasam.platform.batch;

import java.util.List;
import se.kasam.platform.problem.Problem.Violation;

/**
 * One row of a batch as read from JSON or CSV, before any rule is checked.
 *
 * @param number 1-based, in the order sent (for CSV: the data row after the header)
 * @param key    the row's HR key as sent, null if absent
 * @param value  the row, or null where it could not be read
 * @param errors why it could not be read
 */
public record BatchRow<T>(int number, String key, T value, List<Violation> errors) {
}
