package se.kasam.evaluation.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** A service's error answer as an exception: a refusal (4xx, with the service's problem detail) or a failure (5xx). */
public class SourceErrors implements ResponseExceptionMapper<RuntimeException> {
    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new SourceFailure("answered " + status);
        }
        String detail = "answered " + status;
        try {
            JsonNode problem = response.readEntity(JsonNode.class);
            if (problem != null && problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            }
        } catch (RuntimeException unreadable) {
            // not a problem document: the status says enough
        }
        return new SourceRefusal(status, detail);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
