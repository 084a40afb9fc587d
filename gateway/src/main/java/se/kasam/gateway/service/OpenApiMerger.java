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
 * references inside that service's document follow.
 */
public final class OpenApiMerger {
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    /** @param documents service key (participants ...) to its OpenAPI document, in a stable order */
    public static ObjectNode merge(Map<String, JsonNode> documents, String version) {
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
            doc.path("paths").fields().forEachRemaining(e -> paths.set(e.getKey(), e.getValue()));
            doc.path("components").path("schemas").fields().forEachRemaining(e ->
                    schemas.set(renamed.contains(e.getKey()) ? prefixed(service, e.getKey()) : e.getKey(), e.getValue()));
            doc.path("components").path("securitySchemes").fields().forEachRemaining(e -> securitySchemes.set(e.getKey(), e.getValue()));
            doc.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        });
        ObjectNode components = merged.putObject("components");
        components.set("schemas", sorted(schemas));
        components.set("securitySchemes", securitySchemes);
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        return merged;
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
