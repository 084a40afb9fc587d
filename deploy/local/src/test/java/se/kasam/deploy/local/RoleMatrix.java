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

    /*
     * A column is one caller sending one call per operation (under 100), one after another: inside the gateway's
     * burst of 200, so a 429 only comes when a test just before drained that caller's bucket (GatewayCaller waits it
     * out). The columns run side by side, PARALLEL at a time: each is its own caller with its own bucket, and the
     * whole matrix stays well under a minute even on a busy 2-core machine.
     */
    private static final int PARALLEL = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RoleMatrix() {
    }

    record Row(int line, String operationId, String method, String path, Map<String, String> expected) {
    }


    private record Finding(int row, int column, String text) {
    }

    /** Reads the table and the document, calls every cell, and fails once with every disagreement. */
    static void check(String gatewayUrl, KeycloakTokens tokens) {
        long started = System.nanoTime();
        List<Row> table = readTable();
        JsonNode document = readJson(OpenApiValidation.fetch(gatewayUrl + "/openapi"));
        List<ApiDocument.Operation> operations = ApiDocument.operations(document);

        // (a) the table and the document name the same operations
        List<String> problems = new ArrayList<>();
        Map<String, ApiDocument.Operation> byId = new LinkedHashMap<>();
        for (ApiDocument.Operation op : operations) {
            if (op.operationId() == null) {
                problems.add(op.method() + " " + op.path() + ": has no operationId, by which the table names operations");
            } else if (byId.putIfAbsent(op.operationId(), op) != null) {
                problems.add(op.method() + " " + op.path() + ": operationId " + op.operationId() + " is used twice");
            }
        }
        Map<String, Row> rows = new HashMap<>();
        table.forEach(row -> rows.put(row.operationId(), row));
        for (ApiDocument.Operation op : byId.values()) {
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
        Map<Row, ApiDocument.Probe> probes = new LinkedHashMap<>();
        for (Row row : table) {
            ApiDocument.Operation op = byId.get(row.operationId());
            if (op != null && row.method().equals(op.method()) && row.path().equals(op.path())) {
                ApiDocument.Probe probe = ApiDocument.probe(document, op, problems);
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
                GatewayCaller caller = GatewayCaller.forColumn(CALLERS.get(c), tokens);
                columns.add(pool.submit(() -> {
                    for (int r = 0; r < called.size(); r++) {
                        Row row = called.get(r);
                        String expected = row.expected().get(CALLERS.get(column));
                        HttpResponse<String> answer = GatewayCaller.send(http, gatewayUrl, probes.get(row), caller.bearer());
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


    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
