package se.kasam.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; {@code errors} names each offending field and the rule it breaks. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json)")
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<Violation> errors) {

    /** One broken rule: the field (JSON path, or row:field in batches), the rule's name and a readable message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String rule, String message) {
    }

    public static Problem of(ProblemType type, String detail, String instance, String requestId, List<Violation> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, errors);
    }
}
