package se.kasam.deploy.local;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.kasam.testing.OpenApiValidation;

/**
 * Hostile input through the gateway, on the demo stack: every operation of the merged OpenAPI fuzzed from its own
 * part of the document (seeded and bounded), oversized bodies, and object-level probes (BOLA) with real objects of
 * other people and units (ObjectLevelProbes).
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    /** -Dkasam.fuzz.seed=... repeats a run; the default is fixed so that CI runs the same requests every time. */
    static final long SEED = Long.getLong("kasam.fuzz.seed", 20261204L);
    static final int CASES_PER_OPERATION = Integer.getInteger("kasam.fuzz.cases", 14);
    static final int PARALLEL = 3;
    /** Who fuzzes an operation: the first of these its row in the role matrix lets through, so validation is reached. */
    static final List<String> PREFERRED = List.of("project-lead", "hr-admin", "hr-integration", "manager", "facilitator",
            "employee", "evaluator");
    static final ObjectMapper JSON = new ObjectMapper();

    LocalStack stack;
    KeycloakTokens tokens;
    StackDatabases databases;

    @BeforeAll
    void start() throws Exception {
        stack = DemoStack.get();
        tokens = new KeycloakTokens(stack.keycloakUrl());
        databases = new StackDatabases(stack);
    }

    /**
     * No 5xx; every 4xx a problem detail with its own status and no stack trace; and no table of any service
     * written by the refused requests (each write case breaks a rule, so every one must be refused).
     */
    @Test
    void everyOperationFuzzedFromTheDocumentIsRefusedCleanlyAndWritesNothing() throws Exception {
        long started = System.nanoTime();
        JsonNode document = JSON.readTree(OpenApiValidation.fetch(stack.gatewayUrl() + "/openapi"));
        Map<String, RoleMatrix.Row> rows = new LinkedHashMap<>();
        RoleMatrix.readTable().forEach(row -> rows.put(row.operationId(), row));
        Map<String, GatewayCaller> callers = new LinkedHashMap<>();
        PREFERRED.forEach(column -> callers.put(column, GatewayCaller.forColumn(column, tokens)));

        Map<String, Map<String, String>> before = fingerprints();
        List<String> findings = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] sent = {0};
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
             ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> work = new ArrayList<>();
            for (ApiDocument.Operation op : ApiDocument.operations(document)) {
                RoleMatrix.Row row = rows.get(op.operationId());
                String column = row == null ? null
                        : PREFERRED.stream().filter(c -> "allow".equals(row.expected().get(c))).findFirst().orElse(null);
                if (column == null) {
                    continue; // the role matrix fails on an operation without a row; one nobody may call has no validation to reach
                }
                long seed = SEED ^ op.operationId().hashCode();
                List<FuzzCases.Case> cases = new FuzzCases(document, seed).of(op, CASES_PER_OPERATION);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < cases.size(); i++) {
                        FuzzCases.Case c = cases.get(i);
                        HttpResponse<String> answer = GatewayCaller.send(http, stack.gatewayUrl(), c.probe(), callers.get(column).bearer());
                        synchronized (sent) {
                            sent[0]++;
                        }
                        String wrong = FuzzVerdict.of(answer);
                        String request = "seed " + seed + " case " + i + " (" + c.kind() + ", as " + column + "): "
                                + FuzzVerdict.reproduce(stack.gatewayUrl(), c.probe());
                        if (wrong != null) {
                            findings.add(op.operationId() + ": " + wrong + "\n    " + request);
                        } else if (answer.statusCode() < 300 && !op.method().equals("GET")) {
                            accepted.add(op.operationId() + " " + answer.statusCode() + "\n    " + request);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
            findings.addAll(oversizedBodies(http, document, callers, rows));
        }
        Map<String, Map<String, String>> after = fingerprints();
        System.out.printf("fuzzer: %d requests (seed %d, %d per operation) in %.1f s, %d findings, %d writes accepted%n",
                sent[0], SEED, CASES_PER_OPERATION, (System.nanoTime() - started) / 1e9, findings.size(), accepted.size());
        accepted.forEach(a -> System.out.println("  accepted: " + a));
        for (String service : before.keySet()) {
            for (String table : before.get(service).keySet()) {
                String was = before.get(service).get(table);
                String is = after.get(service).get(table);
                if (!was.equals(is) && !FuzzVerdict.WRITTEN_BY_READS.contains(service + "." + table)) {
                    findings.add(service + " table " + table + " was written (rows, newest xmin: " + was + " -> " + is + ")");
                }
            }
        }
        if (!accepted.isEmpty()) {
            findings.add("write operations accepted a hostile request (every write case breaks a rule):\n  "
                    + String.join("\n  ", accepted));
        }
        if (!findings.isEmpty()) {
            fail(findings.size() + " findings of the fuzzer (seed " + SEED + "):\n" + String.join("\n", findings));
        }
    }

    /**
     * A body over the gateway's limit (64 MB) to every operation that takes one: a 413 problem before any service
     * reads it. The bytes are sent once each, from one buffer.
     */
    private List<String> oversizedBodies(HttpClient http, JsonNode document, Map<String, GatewayCaller> callers,
                                         Map<String, RoleMatrix.Row> rows) throws Exception {
        byte[] body = new byte[65 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        List<String> findings = new ArrayList<>();
        int probed = 0;
        for (ApiDocument.Operation op : ApiDocument.operations(document)) {
            RoleMatrix.Row row = rows.get(op.operationId());
            if (op.requestBody() == null || row == null) {
                continue;
            }
            String column = PREFERRED.stream().filter(c -> "allow".equals(row.expected().get(c))).findFirst().orElse(null);
            ApiDocument.Probe probe = ApiDocument.probe(document, op, new ArrayList<>());
            if (column == null || probe == null) {
                continue;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + probe.pathAndQuery()))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", probe.contentType())
                    .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            callers.get(column).bearer().ifPresent(token -> request.header("Authorization", "Bearer " + token));
            probe.headers().forEach(request::header);
            HttpResponse<String> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException closedEarly) {
                // the gateway may answer 413 and close before all 65 MB are sent; the client then sees the reset
                continue;
            }
            probed++;
            if (answer.statusCode() != 413 || FuzzVerdict.of(answer) != null) {
                findings.add(op.operationId() + ": a 65 MB body was answered " + answer.statusCode() + " "
                        + answer.headers().firstValue("Content-Type").orElse("") + " (expected a 413 problem)");
            }
        }
        System.out.println("fuzzer: " + probed + " operations answered a 65 MB body");
        // what the HTTP server itself refuses before any route: a status of its own, below 500 (plain text)
        String token = callers.get("hr-admin").bearer().orElseThrow();
        HttpResponse<String> longLine = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/api/participants/employees/" + "A".repeat(5000))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bigHeader = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/participants/units"))
                .header("Authorization", "Bearer " + token).header("X-Filler", "x".repeat(30_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (longLine.statusCode() != 414 || bigHeader.statusCode() != 431) {
            findings.add("a 5,000-character path was answered " + longLine.statusCode() + " (expected 414), a 30 KB header "
                    + bigHeader.statusCode() + " (expected 431)");
        }
        return findings;
    }

    private Map<String, Map<String, String>> fingerprints() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        LocalStack.SERVICES.forEach(service -> all.put(service, databases.fingerprint(service)));
        return all;
    }

    @Test
    void aCallerOfTheRightRoleFindsNoObjectOfAnotherPersonOrUnit() {
        new ObjectLevelProbes(stack.gatewayUrl(), tokens).check(Optional.empty());
    }
}
