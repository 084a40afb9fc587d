package se.kasam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kasam.gateway.service.OpenApiMerger;
import se.kasam.testing.OpenApiValidation;

/**
 * The merged document of the four real services and the evaluation, as their builds wrote them (target/openapi/openapi.json), read the
 * way the frontend's generators read it: it parses without a message, every operation has a unique operationId, a
 * typed success body and Problem bodies for its errors, and the security scheme is this realm's OpenID Connect.
 * (The system tests check the live /openapi of the whole stack too.)
 */
class MergedOpenApiTest {
    private static final List<String> SERVICES = List.of("participants", "workshops", "surveys", "sickleave", "evaluation");
    private static final String REALM = "https://login.example.org/realms/kasam/.well-known/openid-configuration";

    @Test
    void theMergedDocumentIsCompleteAndParsesCleanly() throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String service : SERVICES) {
            Path stored = service.equals("evaluation") ? Path.of("evaluation", "target", "openapi", "openapi.json")
                    : Path.of("..", (service.equals("surveys") ? "survey" : service) + "-service", "target", "openapi", "openapi.json");
            assumeTrue(Files.exists(stored), "build the services first (their builds write " + stored + ")");
            documents.put(service, json.readTree(stored.toFile()));
        }
        ObjectNode merged = OpenApiMerger.merge(documents, "test", REALM);
        OpenAPI api = OpenApiValidation.parse(json.writeValueAsString(merged)).getOpenAPI();

        Set<String> ids = new HashSet<>();
        List<String> faults = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
                faults.add(where + ": operationId missing or not unique: " + operation.getOperationId());
            }
            check(where, operation, faults);
        }));
        assertEquals(List.of(), faults);
        assertTrue(ids.size() >= 34, "all operations are there: " + ids.size());
        assertEquals(REALM, api.getComponents().getSecuritySchemes().get("oidc").getOpenIdConnectUrl());
        assertEquals("string", type(api.getComponents().getSchemas().get("YearMonth")));
    }

    private static void check(String where, Operation operation, List<String> faults) {
        for (String status : List.of("401", "429", "503")) {
            if (!operation.getResponses().containsKey(status)) {
                faults.add(where + ": the gateway's " + status + " is not documented");
            } else if (!status.equals("401") && (operation.getResponses().get(status).getHeaders() == null
                    || !operation.getResponses().get(status).getHeaders().containsKey("Retry-After"))) {
                faults.add(where + ": the " + status + " does not document its Retry-After");
            }
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                MediaType problem = content(response).get("application/problem+json");
                if (problem == null || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())) {
                    faults.add(where + ": " + status + " is not a Problem");
                }
            } else if (!status.equals("204")) {
                content(response).forEach((media, body) -> {
                    if (body.getSchema() == null || (body.getSchema().get$ref() == null && type(body.getSchema()) == null)) {
                        faults.add(where + ": " + status + " " + media + " has no schema");
                    }
                });
                if (content(response).isEmpty()) {
                    faults.add(where + ": " + status + " has no body");
                }
            }
        });
    }

    private static Map<String, MediaType> content(ApiResponse response) {
        return response.getContent() == null ? Map.of() : response.getContent();
    }

    private static String type(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next();
    }
}
