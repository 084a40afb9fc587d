package se.kasam.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A Content-Type or Accept that is no media type at all ("garbage", "{@code *}/{@code *};q=x") is the client's
 * error: a 415 or 406 problem here, before an operation that consumes several types tries to choose by it (where
 * the parse failure was a 500).
 */
public class MediaTypeHeaders {
    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        try {
            request.getMediaType();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type '"
                    + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "' is not a media type");
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "Accept '"
                    + request.getHeaderString(HttpHeaders.ACCEPT) + "' is not a list of media types");
        }
    }
}
