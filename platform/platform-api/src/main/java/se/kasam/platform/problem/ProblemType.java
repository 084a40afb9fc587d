package se.kasam.platform.problem;

import java.net.URI;

/** The stable problem types of the Kasam API: clients switch on {@link #uri()}, never on the title text. */
public enum ProblemType {
    VALIDATION("validation", 400, "The request breaks a rule"),
    MALFORMED_BODY("malformed-body", 400, "The request body cannot be read"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid bearer token is needed"),
    FORBIDDEN("forbidden", 403, "The caller's roles do not allow this"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PRECONDITION_FAILED("precondition-failed", 412, "The resource has changed since it was read"),
    PRECONDITION_REQUIRED("precondition-required", 428, "An If-Match header is required"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "The service cannot answer now: try again after Retry-After seconds"),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", 503, "A service behind the gateway is unavailable");

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PREFIX = "urn:kasam:problem:";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() { return uri; }
    public int status() { return status; }
    public String title() { return title; }
}
