package se.kasam.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import se.kasam.platform.problem.Problem;
import se.kasam.platform.problem.ProblemType;

/** Problem details written by the gateway itself, of the same types the services use. */
final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static String body(ProblemType type, String detail, String path, String requestId) {
        try {
            return JSON.writeValueAsString(Problem.of(type, detail, path, requestId, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpServerResponse response, ProblemType type, String detail, String path, String requestId) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(type.status()).putHeader("Content-Type", ProblemType.MEDIA_TYPE);
        if (type == ProblemType.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body(type, detail, path, requestId));
    }
}
