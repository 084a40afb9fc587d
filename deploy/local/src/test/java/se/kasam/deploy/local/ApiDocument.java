package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's merged OpenAPI document read as a client generator reads it: its operations with their parameters
 * and bodies ($refs followed), and for each the call that changes nothing (ids that exist nowhere), which the role
 * matrix sends and the fuzzer starts from.
 */
final class ApiDocument {
    static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
    static final String NO_SUCH_CODE = "NO-SUCH-X";
    static final String NO_SUCH_NUMBER = "999999999";
    /** For a string with a pattern: the first of these that matches it (a month, a period, a date, an id ...). */
    static final List<String> PATTERNED = List.of(NO_SUCH_CODE, "2099-01", "2099-01/2099-12", "2099-01-01",
            NO_SUCH_ID, NO_SUCH_NUMBER);


    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final String BOUNDARY = "kasam-probe";

    record Operation(String operationId, String method, String path, List<JsonNode> parameters, JsonNode requestBody,
                     String documentedRoles) {
    }

    record Probe(String method, String pathAndQuery, Map<String, String> headers, String contentType, String body) {
    }

    /** Every operation of the document, with the parameters of its path item and its own ($ref resolved). */
    static List<Operation> operations(JsonNode document) {
        List<Operation> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode item = resolve(document, path.getValue());
            for (Map.Entry<String, JsonNode> entry : item.properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                Map<String, JsonNode> parameters = new LinkedHashMap<>();
                for (JsonNode shared : item.path("parameters")) {
                    JsonNode p = resolve(document, shared);
                    parameters.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
                }
                for (JsonNode own : op.path("parameters")) {
                    JsonNode p = resolve(document, own);
                    parameters.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
                }
                JsonNode body = op.hasNonNull("requestBody") ? resolve(document, op.get("requestBody")) : null;
                String id = op.hasNonNull("operationId") ? op.get("operationId").asText() : null;
                result.add(new Operation(id, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters.values()), body, documentedRoles(op)));
            }
        }
        return result;
    }

    static String documentedRoles(JsonNode op) {
        if (!op.has("security")) {
            return "none";
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : op.get("security")) {
            for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
                scheme.getValue().forEach(role -> roles.add(role.asText()));
                if (scheme.getValue().isEmpty()) {
                    roles.add("any authenticated caller");
                }
            }
        }
        return roles.isEmpty() ? "none" : String.join(" ", roles);
    }

    /**
     * The call that changes nothing: the path's parameters, the required query parameters and headers, and
     * {@code unit} wherever an operation takes one (an answer about a unit that exists nowhere is quick: a report or
     * statistics of the whole municipality are not), with values no object has.
     *
     * @return null when no such call can be made (the reason is added to problems)
     */
    static Probe probe(JsonNode document, Operation op, List<String> problems) {
        Map<String, String> pathValues = new HashMap<>();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            boolean required = in.equals("path") || p.path("required").asBoolean(false);
            if (!required && !(in.equals("query") && name.equals("unit"))) {
                continue;
            }
            if (in.equals("header") && name.equalsIgnoreCase("If-Match")) {
                headers.put(name, "\"0\"");
                continue;
            }
            JsonNode schema = p.has("schema") ? p.get("schema") : firstContentSchema(p);
            Optional<String> value = probeValue(document, schema);
            if (value.isEmpty()) {
                problems.add(op.method() + " " + op.path() + ": no probe value for " + in + " parameter " + name
                        + " (pattern " + resolve(document, schema).path("pattern").asText() + "): add one that matches "
                        + "to RoleMatrix.PATTERNED");
                return null;
            }
            switch (in) {
                case "path" -> pathValues.put(name, value.get());
                case "query" -> query.add(encode(name) + "=" + encode(value.get()));
                case "header" -> headers.put(name, value.get());
                case "cookie" -> headers.merge("Cookie", name + "=" + value.get(), (a, b) -> a + "; " + b);
                default -> problems.add(op.method() + " " + op.path() + ": parameter " + name + " is in '" + in + "'");
            }
        }
        Optional<String> undocumented = pathParameters(op.path()).stream().filter(name -> !pathValues.containsKey(name)).findFirst();
        if (undocumented.isPresent()) {
            problems.add(op.method() + " " + op.path() + ": path parameter {" + undocumented.get() + "} is not documented");
            return null;
        }
        String target = target(op.path(), pathValues, query);

        String contentType = null;
        String body = null;
        if (op.requestBody() != null) {
            List<String> types = new ArrayList<>();
            op.requestBody().path("content").properties().forEach(e -> types.add(e.getKey()));
            contentType = types.contains("application/json") ? "application/json"
                    : types.stream().filter(t -> t.endsWith("json")).findFirst()
                    .orElse(types.isEmpty() ? "application/json" : types.getFirst());
            if (contentType.endsWith("json")) {
                body = "{}";
            } else if (contentType.startsWith("multipart/")) {
                contentType = contentType + "; boundary=" + BOUNDARY;
                body = "--" + BOUNDARY + "--\r\n";
            } else {
                body = "";
            }
        }
        return new Probe(op.method(), target, headers, contentType, body);
    }

    /** The names of a path template's {parameters}, in order. */
    static List<String> pathParameters(String path) {
        return TEMPLATE.matcher(path).results().map(m -> m.group(1)).toList();
    }

    /** The path with each {parameter} replaced by its value (encoded), then the query; every parameter must have a value. */
    static String target(String path, Map<String, String> pathValues, List<String> query) {
        Matcher template = TEMPLATE.matcher(path);
        StringBuilder target = new StringBuilder();
        while (template.find()) {
            template.appendReplacement(target, Matcher.quoteReplacement(encode(pathValues.get(template.group(1)))));
        }
        template.appendTail(target);
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }
        return target.toString();
    }

    /** A value of the schema's type that names nothing that exists; empty when a pattern admits none of ours. */
    static Optional<String> probeValue(JsonNode document, JsonNode schemaOrRef) {
        JsonNode schema = resolve(document, schemaOrRef);
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return Optional.of(NO_SUCH_CODE);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                if (!"null".equals(type(resolve(document, alternative)))) {
                    return probeValue(document, alternative);
                }
            }
        }
        for (JsonNode value : schema.path("enum")) {
            if (!value.isNull()) {
                return Optional.of(value.asText());
            }
        }
        switch (type(schema)) {
            case "array":
                return probeValue(document, schema.path("items"));
            case "integer", "number":
                return Optional.of(NO_SUCH_NUMBER);
            case "boolean":
                return Optional.of("false");
            default:
                break;
        }
        switch (schema.path("format").asText("")) {
            case "uuid":
                return Optional.of(NO_SUCH_ID);
            case "date":
                return Optional.of("2099-01-01");
            case "date-time":
                return Optional.of("2099-01-01T00:00:00Z");
            default:
                break;
        }
        if (schema.hasNonNull("pattern")) {
            // JSON Schema's pattern is a search, not a whole match (the documents' patterns are anchored anyway)
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            return PATTERNED.stream().filter(v -> pattern.matcher(v).find()).findFirst();
        }
        return Optional.of(NO_SUCH_CODE);
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) {
            if (!"null".equals(t.asText())) {
                return t.asText();
            }
        }
        return "";
    }

    private static JsonNode firstContentSchema(JsonNode parameter) {
        for (Map.Entry<String, JsonNode> media : parameter.path("content").properties()) {
            return media.getValue().path("schema");
        }
        return null;
    }

    /** Follows local $refs (#/components/...). */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        for (int depth = 0; node != null && node.hasNonNull("$ref"); depth++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || depth > 20) {
                throw new AssertionError("cannot follow $ref " + ref);
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
    private ApiDocument() {
    }
}
