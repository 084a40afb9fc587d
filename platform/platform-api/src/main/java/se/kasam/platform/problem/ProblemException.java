package se.kasam.platform.problem;

import java.util.List;

/** Thrown by services to answer with a problem detail; mapped once, in {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final List<Problem.Violation> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(ProblemType.VALIDATION, message, List.of(new Problem.Violation(field, rule, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public ProblemType type() { return type; }
    public List<Problem.Violation> errors() { return errors; }
}
