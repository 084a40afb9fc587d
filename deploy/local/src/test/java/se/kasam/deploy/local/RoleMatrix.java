package se.kasam.deploy.local;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.kasam.testing.OpenApiValidation;

/**
 * The role matrix ({@value #TABLE_IN_REPOSITORY}): every operation of the gateway's merged OpenAPI document against
 * every role and no token, called through the gateway with real Keycloak tokens. An operation of the document
 * without a row fails, so a new endpoint cannot ship without saying who may call it; so does a row the document does
 * not have.
 * <p>
 * Not a test class of its own: {@link SystemIT#everyOperationAnswersEachRoleAsTheRoleMatrixSays()} runs
 * {@link #check(String, KeycloakTokens)} on the stack SystemIT has started, so the stack starts once.
 * <p>
 * Each call is a probe that changes nothing (but sick leave's audit log, which notes every read of individual
 * absence): path parameters, required query parameters and {@code unit} name objects that exist nowhere (a nil UUID,
 * 999999999, "NO-SUCH-X", a month in 2099), If-Match is {@code "0"}, a body is {@code {}} (another content type:
 * empty, as declared). A caller the role lets through gets a 400 or 404 (or a list, or the report of an empty
 * import); one it does not gets 403 (Quarkus REST checks roles before it reads the body), and no token 401 from the
 * gateway itself. The calls bypass REST
 * Assured and its global OpenAPI filter (which checks answers, not requests): the probes' 400s and 404s are the
 * point, not their documentation.
 */
final class RoleMatrix {
    static final String TABLE = "role-matrix.csv";
    static final String TABLE_IN_REPOSITORY = "deploy/local/src/test/resources/" + TABLE;
    static final String PROBLEM = "application/problem+json";
    /** The table's columns after operationId, method and path. */
    static final List<String> CALLERS = List.of("no-token", "employee", "manager", "facilitator", "hr-admin",
            "project-lead", "evaluator", "hr-integration");
    /** Whose token a role's column is: that demo user's, with all their realm roles (each is an employee too). */
    static final Map<String, String> DEMO_USERS = Map.of("employee", "emma.employee", "manager", "magnus.chef",
            "facilitator", "frida.facilitator", "hr-admin", "hanna.hr", "project-lead", "petra.lead",
            "evaluator", "erik.eval");
    static final Set<String> VALUES = Set.of("allow", "403", "401");

    static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
    static final String NO_SUCH_CODE = "NO-SUCH-X";
    static final String NO_SUCH_NUMBER = "999999999";
    /** For a string with a pattern: the first of these that matches it (a month, a period, a date, an id ...). */
    static final List<String> PATTERNED = List.of(NO_SUCH_CODE, "2099-01", "2099-01/2099-12", "2099-01-01",
            NO_SUCH_ID, NO_SUCH_NUMBER);

    /*
     * The gateway limits each caller (token subject and client) to a burst of 200 calls, then 100 a second
     * (gateway/src/main/resources/application.properties; LocalStack passes kasam.gateway.* system properties on, the
     * system tests set none). A column is one caller sending one call per operation (under 100), one after another:
     * inside the burst, so a 429 only comes when a test just before drained that caller's bucket. It is waited out
     * (Retry-After, at most 5 s a time, at most 5 times) rather than reported; a 429 left after that is a finding.
     * The columns run side by side, PARALLEL at a time: each is its own caller with its own bucket, and the whole
     * matrix stays well under a minute even on a busy 2-core machine.
     */
    private static final int MAX_429_RETRIES = 5;
    private static final int PARALLEL = 4;
    /** The realm's access tokens live 300 s: one is fetched again when less than this is left of it. */
    private static final long TOKEN_MARGIN_SECONDS = 30;

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final String BOUNDARY = "role-matrix-probe";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoleMatrix() {
    }

    record Row(int line, String operationId, String method, String path, Map<String, String> expected) {
    }

    record Operation(String operationId, String method, String path, List<JsonNode> parameters, JsonNode requestBody,
                     String documentedRoles) {
    }

    record Probe(String method, String pathAndQuery, Map<String, String> headers, String contentType, String body) {
    }

    private record Finding(int row, int column, String text) {
    }

    /** Reads the table and the document, calls every cell, and fails once with every disagreement. */
    static void check(String gatewayUrl, KeycloakTokens tokens) {
        long started = System.nanoTime();
        List<Row> table = readTable();
        JsonNode document = readJson(OpenApiValidation.fetch(gatewayUrl + "/openapi"));
        List<Operation> operations = operations(document);

        // (a) the table and the document name the same operations
        List<String> problems = new ArrayList<>();
        Map<String, Operation> byId = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (op.operationId() == null) {
                problems.add(op.method() + " " + op.path() + ": has no operationId, by which the table names operations");
            } else if (byId.putIfAbsent(op.operationId(), op) != null) {
                problems.add(op.method() + " " + op.path() + ": operationId " + op.operationId() + " is used twice");
            }
        }
        Map<String, Row> rows = new HashMap<>();
        table.forEach(row -> rows.put(row.operationId(), row));
        for (Operation op : byId.values()) {
            Row row = rows.get(op.operationId());
            if (row == null) {
                problems.add(op.method() + " " + op.path() + ": no row in " + TABLE_IN_REPOSITORY + " (documented roles: "
                        + op.documentedRoles() + "); add " + op.operationId() + "," + op.method() + "," + op.path()
                        + ",401," + String.join(",", Collections.nCopies(CALLERS.size() - 1, "?")));
            } else if (!row.method().equals(op.method()) || !row.path().equals(op.path())) {
                problems.add(TABLE + " line " + row.line() + ": " + row.operationId() + " is " + row.method() + " "
                        + row.path() + " there but " + op.method() + " " + op.path() + " in the document");
            }
        }
        for (Row row : table) {
            if (!byId.containsKey(row.operationId())) {
                problems.add(TABLE + " line " + row.line() + ": " + row.method() + " " + row.path() + " ("
                        + row.operationId() + ") is no operation of the document");
            }
        }

        // (b) every cell of the rows that match an operation
        Map<Row, Probe> probes = new LinkedHashMap<>();
        for (Row row : table) {
            Operation op = byId.get(row.operationId());
            if (op != null && row.method().equals(op.method()) && row.path().equals(op.path())) {
                Probe probe = probe(document, op, problems);
                if (probe != null) {
                    probes.put(row, probe);
                }
            }
        }
        List<Row> called = List.copyOf(probes.keySet());
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
             ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> columns = new ArrayList<>();
            for (int c = 0; c < CALLERS.size(); c++) {
                int column = c;
                Caller caller = caller(CALLERS.get(c), tokens);
                columns.add(pool.submit(() -> {
                    for (int r = 0; r < called.size(); r++) {
                        Row row = called.get(r);
                        String expected = row.expected().get(CALLERS.get(column));
                        HttpResponse<String> answer = call(http, gatewayUrl, probes.get(row), caller.bearer());
                        String got = disagreement(expected, answer);
                        if (got != null) {
                            findings.add(new Finding(r, column, row.method() + " " + row.path() + " " + CALLERS.get(column)
                                    + ": expected " + expected + ", got " + got));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> column : columns) {
                column.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("the role matrix could not be called: " + e.getCause(), e.getCause());
        }
        System.out.printf("role matrix: %d operations x %d callers in %.1f s%n", called.size(), CALLERS.size(),
                (System.nanoTime() - started) / 1e9);

        if (!problems.isEmpty() || !findings.isEmpty()) {
            List<String> cells = findings.stream()
                    .sorted(Comparator.comparingInt(Finding::row).thenComparingInt(Finding::column))
                    .map(Finding::text).toList();
            StringBuilder message = new StringBuilder("the role matrix (" + TABLE_IN_REPOSITORY
                    + ") and the gateway disagree");
            if (!problems.isEmpty()) {
                message.append("\noperations and rows (").append(problems.size()).append("):\n  ")
                        .append(String.join("\n  ", problems));
            }
            if (!cells.isEmpty()) {
                message.append("\ncells (").append(cells.size()).append("):\n  ").append(String.join("\n  ", cells));
            }
            fail(message.toString());
        }
    }

    /** The rows, in the table's order; a table that is not well-formed fails at once. */
    static List<Row> readTable() {
        InputStream in = RoleMatrix.class.getResourceAsStream("/" + TABLE);
        if (in == null) {
            throw new AssertionError(TABLE_IN_REPOSITORY + " is not on the test classpath");
        }
        List<String> header = Stream.concat(Stream.of("operationId", "method", "path"), CALLERS.stream()).toList();
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean headerRead = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                List<String> fields = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
                if (!headerRead) {
                    headerRead = true;
                    if (!fields.equals(header)) {
                        errors.add("line " + number + ": the header must be " + String.join(",", header));
                    }
                    continue;
                }
                if (fields.size() != header.size()) {
                    errors.add("line " + number + ": " + fields.size() + " fields, not " + header.size());
                    continue;
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    String value = fields.get(3 + i);
                    if (!VALUES.contains(value)) {
                        errors.add("line " + number + ": " + CALLERS.get(i) + " is '" + value + "', not allow, 403 or 401");
                    }
                    expected.put(CALLERS.get(i), value);
                }
                if (!seen.add(fields.get(0))) {
                    errors.add("line " + number + ": " + fields.get(0) + " has a row already");
                }
                rows.add(new Row(number, fields.get(0), fields.get(1).toUpperCase(Locale.ROOT), fields.get(2), expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!headerRead) {
            errors.add("no header row");
        }
        if (!errors.isEmpty()) {
            fail(TABLE_IN_REPOSITORY + " is not well-formed:\n  " + String.join("\n  ", errors));
        }
        return rows;
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

    private static String documentedRoles(JsonNode op) {
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
        Matcher template = TEMPLATE.matcher(op.path());
        StringBuilder target = new StringBuilder();
        while (template.find()) {
            String value = pathValues.get(template.group(1));
            if (value == null) {
                problems.add(op.method() + " " + op.path() + ": path parameter {" + template.group(1) + "} is not documented");
                return null;
            }
            template.appendReplacement(target, Matcher.quoteReplacement(encode(value)));
        }
        template.appendTail(target);
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }

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
        return new Probe(op.method(), target.toString(), headers, contentType, body);
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

    private static String type(JsonNode schema) {
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

    private static HttpResponse<String> call(HttpClient http, String gatewayUrl, Probe probe, Optional<String> bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + probe.pathAndQuery()))
                .timeout(Duration.ofSeconds(60));
        probe.headers().forEach(request::header);
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8));
        HttpRequest built = request.build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 429 || attempt >= MAX_429_RETRIES) {
                return response;
            }
            long wait = response.headers().firstValue("Retry-After").map(RoleMatrix::seconds).orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.clamp(wait, 1, 5)));
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** @return null when the answer is what the cell says, else what it was */
    static String disagreement(String expected, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        boolean agrees = expected.equals("allow")
                ? status != 401 && status != 403 && status != 429 && status < 500
                : status == Integer.parseInt(expected) && type.startsWith(PROBLEM);
        if (agrees) {
            return null;
        }
        String detail = "";
        if (type.contains("json")) {
            try {
                detail = JSON.readTree(answer.body()).path("detail").asText("");
            } catch (IOException e) {
                detail = "";
            }
        }
        if (detail.length() > 160) {
            detail = detail.substring(0, 160) + "...";
        }
        return status + (type.isEmpty() ? " (no content type)" : " " + type) + (detail.isEmpty() ? "" : " \"" + detail + "\"");
    }

    private static Caller caller(String column, KeycloakTokens tokens) {
        if (column.equals("no-token")) {
            return new Caller(null);
        }
        if (column.equals("hr-integration")) {
            return new Caller(tokens::hrIntegration);
        }
        String user = DEMO_USERS.get(column);
        if (user == null) {
            throw new IllegalStateException("no demo user for column " + column);
        }
        return new Caller(() -> tokens.user(user));
    }

    /** A column's token: fetched once, and again when less than TOKEN_MARGIN_SECONDS are left of it. */
    private static final class Caller {
        private final Supplier<String> fetch;
        private String token;
        private long expiresAt;

        Caller(Supplier<String> fetch) {
            this.fetch = fetch;
        }

        synchronized Optional<String> bearer() {
            if (fetch == null) {
                return Optional.empty();
            }
            if (token == null || System.currentTimeMillis() / 1000 >= expiresAt - TOKEN_MARGIN_SECONDS) {
                token = fetch.get();
                expiresAt = expiry(token);
            }
            return Optional.of(token);
        }

        private static long expiry(String token) {
            try {
                return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("exp").asLong(0);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
