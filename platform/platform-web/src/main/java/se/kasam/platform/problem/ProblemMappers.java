package se.kasam.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import se.kasam.platform.web.RequestIds;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every service leaves as application/problem+json, through these mappers and nowhere else. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.type(), e.getMessage(), e.errors(), uri, headers);
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response violations(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> errors = e.getConstraintViolations().stream()
                .map(Violations::of)
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = errors.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(ProblemType.VALIDATION, detail, errors, uri, headers);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        Problem.Violation violation = Violations.of(e);
        return respond(ProblemType.MALFORMED_BODY, violation.field() + ": " + violation.message(), List.of(violation),
                uri, headers);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, "missing, expired or invalid bearer token",
                List.of(), uri, headers)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemType.FORBIDDEN, "this operation needs another role", List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST wraps a body that is no JSON at all (a syntax error, a key twice) in a 400 of its own
            return unreadable(unreadable, uri, headers);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_BODY;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 428 -> ProblemType.PRECONDITION_REQUIRED;
            case 429 -> ProblemType.RATE_LIMITED;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION;
        };
        String detail = status >= 500 ? "internal error" : e.getMessage();
        return respond(type, detail, List.of(), uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseFailures.unavailable(e)) {
            // the transaction rolled back whole; the client may send the same request again
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(respond(ProblemType.UNAVAILABLE, "the service's database is unavailable; try again shortly",
                    List.of(), uri, headers)).header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseFailures.refusedText(e)) {
            return respond(ProblemType.VALIDATION, "a text value holds a character that cannot be stored (such as U+0000)",
                    List.of(new Problem.Violation("", TextValues.RULE, TextValues.MESSAGE)), uri, headers);
        }
        LOG.error("unexpected error", e);
        return respond(ProblemType.INTERNAL, "internal error; quote the request id when reporting it", List.of(), uri,
                headers);
    }

    public static Response respond(ProblemType type, String detail, List<Problem.Violation> errors, UriInfo uri,
                            HttpHeaders headers) {
        String requestId = headers == null ? null : headers.getHeaderString(RequestIds.HEADER);
        Problem body = Problem.of(type, detail, uri == null ? null : uri.getPath(), requestId, errors);
        return Response.status(type.status()).type(ProblemType.MEDIA_TYPE).entity(body).build();
    }
}
