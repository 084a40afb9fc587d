package se.kasam.platform.batch;

import java.util.Locale;
import se.kasam.platform.problem.ProblemException;

/** How a batch import is applied. */
public enum ImportMode {
    /** Check every row and report; write nothing. */
    DRY_RUN,
    /** All or nothing: one rejected row and nothing is written (the default). */
    ATOMIC,
    /** Apply the valid rows; report the rejected ones. */
    PARTIAL;

    /** From the query parameter: dry-run, atomic or partial. */
    public static ImportMode parse(String value) {
        if (value == null || value.isBlank()) {
            return ATOMIC;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode", "OneOf", "mode must be dry-run, atomic or partial, not '" + value + "'");
        }
    }
}
