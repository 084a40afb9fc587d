package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile requests for one operation, drawn from its part of the OpenAPI document with a seeded {@link Random}: the
 * same seed gives the same requests. Each case breaks something a client can break: a body of the documented shape
 * with values of the wrong type, values far too large, fields nobody declared and a required one left out, text that
 * is no JSON (or no CSV), a path or query value that is an attack string, a content type or If-Match that is wrong.
 * An operation that writes is never sent a body that is merely valid, so every one of its cases must be refused.
 */
final class FuzzCases {
    enum Kind { SHAPED, WRONG_TYPES, HUGE, UNDECLARED_FIELDS, MALFORMED, HOSTILE_PARAMETERS, WRONG_HEADERS }

    record Case(Kind kind, ApiDocument.Probe probe) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> ATTACK_STRINGS = List.of("' OR '1'='1", "1; drop table employee", "../../../etc/passwd",
            "%00", "\u0000", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "😀🏳️‍🌈", "-1", "0",
            "99999999999999999999999999", "NaN", "null", " ", "a".repeat(1000), "2019-13", "2021-02-30", "1e400");
    private static final List<String> MALFORMED_JSON = List.of("", "{", "{\"a\":", "[1,2", "nul", "{\"x\":1}}", "\u0000\u0001",
            "{'single':'quotes'}", "{\"a\":\"\\ud800\"}", "[".repeat(5000) + "]".repeat(5000), "\"just a string\"", "[]",
            "null", "42", "{\"a\":1,\"a\":2}", "\uFEFF{}");
    private static final List<String> MALFORMED_CSV = List.of("", "\"unclosed,quote\n1,2", "only-a-header\n",
            "a;b;c\n1;2;3\n", "\u0000\u0001\u0002", "employeeNumber,name\n" + "x,".repeat(2000) + "\n", "\uFEFF,,,,\n,,,\n");

    private final JsonNode document;
    private final Random random;

    FuzzCases(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** {@code n} cases for the operation, the kinds taken in turn so that each occurs. */
    List<Case> of(ApiDocument.Operation op, int n) {
        boolean writes = !op.method().equals("GET");
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        if (writes) {
            kinds.remove(Kind.SHAPED);
        }
        if (op.requestBody() == null) {
            kinds.removeAll(List.of(Kind.WRONG_TYPES, Kind.HUGE, Kind.UNDECLARED_FIELDS, Kind.MALFORMED));
            if (writes) {
                kinds.remove(Kind.WRONG_HEADERS);
            }
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Kind kind = kinds.get(i % kinds.size());
            cases.add(new Case(kind, request(op, kind, writes)));
        }
        return cases;
    }

    private ApiDocument.Probe request(ApiDocument.Operation op, Kind kind, boolean writes) {
        Map<String, String> pathValues = new HashMap<>();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            JsonNode schema = ApiDocument.resolve(document, p.path("schema"));
            boolean required = in.equals("path") || p.path("required").asBoolean(false);
            String value;
            if (kind == Kind.HOSTILE_PARAMETERS && (in.equals("path") || random.nextBoolean())) {
                value = pick(ATTACK_STRINGS);
            } else if (required || random.nextInt(3) == 0) {
                value = in.equals("path") ? ApiDocument.probeValue(document, schema).orElse(ApiDocument.NO_SUCH_CODE)
                        : scalar(schema).asText();
            } else {
                continue;
            }
            switch (in) {
                case "path" -> pathValues.put(name, value);
                case "query" -> query.add(ApiDocument.encode(name) + "=" + ApiDocument.encode(value));
                // a header carries visible ASCII only (HTTP clients refuse anything else before sending)
                case "header" -> headers.put(name, (kind == Kind.WRONG_HEADERS ? "W/\"" + value : value).replaceAll("[^\\x20-\\x7E]", "?"));
                default -> { }
            }
        }
        if (kind == Kind.HOSTILE_PARAMETERS) {
            query.add("unknown%5B%5D=" + ApiDocument.encode(pick(ATTACK_STRINGS)));
        }
        ApiDocument.pathParameters(op.path()).forEach(name -> pathValues.putIfAbsent(name, ApiDocument.NO_SUCH_CODE));
        String target = ApiDocument.target(op.path(), pathValues, query);
        String contentType = null;
        String body = null;
        if (op.requestBody() != null) {
            Map.Entry<String, JsonNode> media = op.requestBody().path("content").properties().iterator().next();
            contentType = media.getKey();
            JsonNode schema = media.getValue().path("schema");
            boolean json = contentType.endsWith("json");
            body = switch (kind) {
                case MALFORMED -> json ? pick(MALFORMED_JSON) : pick(MALFORMED_CSV);
                case WRONG_TYPES -> json ? text(wrongTypes(shaped(schema, 0))) : pick(MALFORMED_CSV);
                case HUGE -> json ? text(huge(shaped(schema, 0))) : "a,b\n" + "1,2\n".repeat(200_000);
                case UNDECLARED_FIELDS -> json ? text(undeclared(schema, shaped(schema, 0))) : pick(MALFORMED_CSV);
                // a write's body is broken here too: the case is about its parameters or headers, and must be refused
                default -> json ? text(writes ? wrongTypes(shaped(schema, 0)) : shaped(schema, 0)) : pick(MALFORMED_CSV);
            };
            if (contentType.startsWith("multipart/")) {
                contentType = contentType + "; boundary=kasam-fuzz";
                body = "--kasam-fuzz\r\nContent-Disposition: form-data; name=\"employees\"; filename=\"e.csv\"\r\n\r\n"
                        + body + "\r\n--kasam-fuzz";  // and never closed
            }
            if (kind == Kind.WRONG_HEADERS) {
                contentType = pick(List.of("text/plain", "application/xml", "garbage", "application/json; charset=utf-7"));
            }
        }
        if (kind == Kind.WRONG_HEADERS) {
            headers.put("Accept", pick(List.of("application/xml", "image/png", "*/*;q=x", "garbage")));
        }
        return new ApiDocument.Probe(op.method(), target, headers, contentType, body);
    }

    /** A value of the schema's shape: objects with their properties, arrays of one to three, scalars of their type. */
    JsonNode shaped(JsonNode schemaOrRef, int depth) {
        JsonNode schema = ApiDocument.resolve(document, schemaOrRef);
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return NODES.textNode(ApiDocument.NO_SUCH_CODE);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                if (!"null".equals(ApiDocument.type(ApiDocument.resolve(document, alternative)))) {
                    return shaped(alternative, depth + 1);
                }
            }
        }
        String type = ApiDocument.type(schema);
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            schema.path("properties").properties().forEach(p -> object.set(p.getKey(), shaped(p.getValue(), depth + 1)));
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                array.add(shaped(schema.path("items"), depth + 1));
            }
            return array;
        }
        return scalar(schema);
    }

    private JsonNode scalar(JsonNode schema) {
        if (schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        return switch (ApiDocument.type(schema)) {
            case "integer" -> NODES.numberNode(random.nextInt(200) - 20);
            case "number" -> NODES.numberNode(random.nextDouble() * 200 - 20);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(ApiDocument.probeValue(document, schema).orElse(ApiDocument.NO_SUCH_CODE));
        };
    }

    /** Each value, with even odds, one of another type: a number for a string, a string for a number, ... */
    private JsonNode wrongTypes(JsonNode value) {
        if (value instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(random.nextBoolean() ? wrong(e.getValue()) : wrongTypes(e.getValue())));
            if (object.isEmpty()) {
                return NODES.arrayNode().add(1);
            }
            return object;
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, random.nextBoolean() ? wrong(array.get(i)) : wrongTypes(array.get(i)));
            }
            return array;
        }
        return wrong(value);
    }

    private JsonNode wrong(JsonNode value) {
        if (value.isTextual()) {
            return pick(List.of(NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.objectNode()));
        }
        if (value.isNumber() || value.isBoolean()) {
            return pick(List.of(NODES.textNode("seven"), NODES.arrayNode(), NODES.objectNode().put("n", 1)));
        }
        return pick(List.of(NODES.textNode("not a " + value.getNodeType()), NODES.numberNode(-1)));
    }

    /** Strings of 100,000 characters, numbers no type holds, or 20,000 copies of an array's element (one level deep). */
    private JsonNode huge(JsonNode value) {
        if (value instanceof ObjectNode object) {
            if (object.isEmpty()) {
                return object.put("x", "x".repeat(100_000));
            }
            // at least one field, so that the case is never merely valid
            String first = object.fieldNames().next();
            object.properties().forEach(e -> e.setValue(e.getKey().equals(first) || random.nextBoolean()
                    ? hugeLeaf(e.getValue()) : e.getValue()));
            return object;
        }
        return hugeLeaf(value);
    }

    private JsonNode hugeLeaf(JsonNode value) {
        if (value instanceof ArrayNode array) {
            JsonNode element = array.isEmpty() ? NODES.textNode("x") : array.get(0);
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 20_000; i++) {
                many.add(element);
            }
            return many;
        }
        if (value.isNumber()) {
            return pick(List.of(NODES.numberNode(new java.math.BigDecimal("1e400")),
                    NODES.numberNode(new java.math.BigInteger("-9223372036854775809")), NODES.numberNode(Double.MAX_VALUE)));
        }
        return value.isObject() ? huge(value) : NODES.textNode("Å".repeat(100_000));
    }

    /** Fields nobody declared, and one the schema requires left out (the shaped rest would otherwise be valid). */
    private JsonNode undeclared(JsonNode schemaOrRef, JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return NODES.objectNode().set("unexpected", value);
        }
        JsonNode schema = ApiDocument.resolve(document, schemaOrRef);
        JsonNode required = schema == null ? null : schema.path("required");
        if (required != null && required.size() > 0) {
            object.remove(required.get(random.nextInt(required.size())).asText());
        } else if (!object.isEmpty()) {
            String field = object.fieldNames().next();
            object.set(field, wrong(object.get(field)));
        }
        object.put("__proto__", "polluted").put("constructor", 1).set("extra", NODES.objectNode().put("deep", true));
        // and a text PostgreSQL cannot store, in every string field left
        object.properties().stream().filter(e -> e.getValue().isTextual())
                .forEach(e -> e.setValue(NODES.textNode(e.getValue().asText() + "\u0000")));
        return object;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String text(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
