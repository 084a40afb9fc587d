package se.kasam.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into one for the whole API. Paths do not overlap (each service owns its
 * /api/{service} prefix). Schemas with the same name and the same content (Problem, Page ...) are kept once; where
 * two services mean different things by one name, each gets its service's prefix (SickleaveEmployeeView) and the
 * references inside that service's document follow. Every operation also documents what the gateway itself answers
 * (401 before any service sees a bad token, 429 over the rate limit, 503 when the service is unavailable), and the
 * OpenID Connect scheme names this deployment's realm, so Swagger UI and generated clients log in there.
 */
public final class OpenApiMerger {
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Map<String, String> GATEWAY_ANSWERS = new TreeMap<>(Map.of(
            "401", "Missing, expired or invalid bearer token",
            "429", "Over the caller's rate limit: wait Retry-After seconds",
            "503", "The service behind the gateway, or its database, is unavailable: wait Retry-After seconds"));

    private OpenApiMerger() {
    }

    /**
     * @param documents service key (participants ...) to its OpenAPI document, in a stable order
     * @param openIdConnectUrl the realm's discovery document ({auth-server-url}/.well-known/openid-configuration)
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, String version, String openIdConnectUrl) {
        Map<String, Map<String, JsonNode>> schemasByName = new TreeMap<>();
        documents.forEach((service, doc) -> doc.path("components").path("schemas").fields().forEachRemaining(e ->
                schemasByName.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(service, e.getValue())));
        Map<String, Set<String>> renamedByService = new HashMap<>();
        schemasByName.forEach((name, definitions) -> {
            if (new HashSet<>(definitions.values()).size() > 1) {
                definitions.keySet().forEach(s -> renamedByService.computeIfAbsent(s, k -> new HashSet<>()).add(name));
            }
        });

        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText()).findFirst().orElse("3.1.0"));
        merged.putObject("info").put("title", "Kasam API").put("version", version)
                .put("description", "The whole Kasam API through the gateway: one bearer token from Keycloak realm "
                        + "'kasam' for every call. Errors are RFC 9457 problem details (application/problem+json).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = NODES.objectNode();
        ObjectNode securitySchemes = NODES.objectNode();
        Map<String, JsonNode> tags = new TreeMap<>();

        documents.forEach((service, original) -> {
            JsonNode doc = original.deepCopy();
            Set<String> renamed = renamedByService.getOrDefault(service, Set.of());
            if (!renamed.isEmpty()) {
                rewriteRefs(doc, service, renamed);
            }
            doc.path("paths").fields().forEachRemaining(e -> {
                addGatewayAnswers(e.getValue());
                paths.set(e.getKey(), e.getValue());
            });
            doc.path("components").path("schemas").fields().forEachRemaining(e ->
                    schemas.set(renamed.contains(e.getKey()) ? prefixed(service, e.getKey()) : e.getKey(), e.getValue()));
            doc.path("components").path("securitySchemes").fields().forEachRemaining(e -> {
                if (e.getValue() instanceof ObjectNode scheme && "openIdConnect".equals(scheme.path("type").asText())) {
                    scheme.put("openIdConnectUrl", openIdConnectUrl);
                }
                securitySchemes.set(e.getKey(), e.getValue());
            });
            doc.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        });
        ObjectNode components = merged.putObject("components");
        components.set("schemas", sorted(schemas));
        components.set("securitySchemes", securitySchemes);
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        return merged;
    }

    private static void addGatewayAnswers(JsonNode pathItem) {
        pathItem.fields().forEachRemaining(e -> {
            if (METHODS.contains(e.getKey()) && e.getValue().path("responses") instanceof ObjectNode responses) {
                GATEWAY_ANSWERS.forEach((status, description) -> {
                    if (!responses.has(status)) {
                        ObjectNode response = responses.putObject(status).put("description", description);
                        response.putObject("content").putObject("application/problem+json").putObject("schema")
                                .put("$ref", SCHEMA_REF + "Problem");
                        if (status.equals("429") || status.equals("503")) {
                            response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait")
                                    .putObject("schema").put("type", "integer");
                        }
                    }
                });
            }
        });
    }

    static String prefixed(String service, String name) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1) + name;
    }

    private static void rewriteRefs(JsonNode node, String service, Set<String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.contains(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + prefixed(service, name)));
                }
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                rewriteRefs(it.next(), service, renamed);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, service, renamed));
        }
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode result = NODES.objectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(n -> result.set(n, node.get(n)));
        return result;
    }
}
