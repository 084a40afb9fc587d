package se.kasam.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import se.kasam.platform.problem.ProblemType;

/**
 * The error answers every service documents the same way, written once: each operation gets the statuses it can
 * answer from what it takes (401/403 when secured, 400 with input, 413 with a body, 404 with a path parameter, 412/428
 * with If-Match),
 * and every 4xx/5xx, these and the ones an operation declares itself, is an application/problem+json Problem.
 * It also refuses (fails the build) an operation without an operationId or a 2xx answer (but 204) without a typed body, since
 * the frontend's generated client is named and typed from them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> faults = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            addDerived(item, operation);
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(OASFactory.createContent().addMediaType(ProblemType.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
                } else if (status.startsWith("2") && !status.equals("204") && untyped(response)) {
                    faults.add(method + " " + path + " answers " + status + " without a schema");
                }
            });
            if (operation.getResponses().getAPIResponses().keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                faults.add(method + " " + path + " documents no success answer");
            }
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                faults.add(method + " " + path + " has no operationId");
            }
        }));
        if (!faults.isEmpty()) {
            throw new IllegalStateException("OpenAPI document incomplete: " + String.join("; ", faults));
        }
    }

    private static void addDerived(PathItem item, Operation operation) {
        List<Parameter> parameters = Stream.concat(
                        Objects.requireNonNullElse(item.getParameters(), List.<Parameter>of()).stream(),
                        Objects.requireNonNullElse(operation.getParameters(), List.<Parameter>of()).stream())
                .toList();
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(operation, "401", "Missing, expired or invalid bearer token");
            add(operation, "403", "The caller's roles do not allow this operation");
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            add(operation, "400", "Bad input: the problem names each field (errors[].field) and the rule it breaks");
        }
        if (operation.getRequestBody() != null) {
            add(operation, "413", "The body is over the size limit, or a batch has more rows than one batch may hold");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            add(operation, "404", "Not found, or not visible to the caller");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            add(operation, "412", "If-Match names another version than the current one: read it again");
            if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()) && Boolean.TRUE.equals(p.getRequired()))) {
                add(operation, "428", "If-Match is missing: send the ETag you read");
            }
        }
    }

    private static void add(Operation operation, String status, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (existing.getDescription() == null || existing.getDescription().isBlank()
                || existing.getDescription().equals(defaultDescription(status))) {
            existing.setDescription(description);
        }
    }

    /** Quarkus adds 400/401/403 with the bare reason phrase; ours say more. */
    private static String defaultDescription(String status) {
        return switch (status) {
            case "400" -> "Bad Request";
            case "401" -> "Not Authorized";
            case "403" -> "Not Allowed";
            default -> "";
        };
    }

    private static boolean untyped(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return true;
        }
        for (Map.Entry<String, MediaType> entry : response.getContent().getMediaTypes().entrySet()) {
            MediaType media = entry.getValue();
            boolean empty = media.getSchema() == null || (media.getSchema().getRef() == null
                    && media.getSchema().getType() == null && media.getSchema().getAllOf() == null
                    && media.getSchema().getOneOf() == null && media.getSchema().getAnyOf() == null);
            if (entry.getKey().contains("json") && empty) {
                return true;
            }
        }
        return false;
    }
}
