package se.kasam.deploy.local;

import static se.kasam.deploy.local.BenchmarkRun.median;
import static se.kasam.deploy.local.BenchmarkRun.round2;
import static se.kasam.deploy.local.BenchmarkRun.send;
import static se.kasam.deploy.local.BenchmarkRun.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import se.kasam.deploy.local.demo.MunicipalityGenerator;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator.Municipality;
import se.kasam.deploy.local.demo.SurveyAnswerGenerator;

/**
 * survey-service at 50,000 employees: 1,000 submits sent at once by 1,000 employees (latency of each, p50/p99);
 * two rounds of about 40,000 responses (baseline and follow-up, imported), the time each close takes to compute its
 * protected publication; the whole municipality's report and the paired comparison through the service, each beside
 * the same aggregates computed by plain SQL over the responses in the same run (medians of five).
 */
public final class SurveyBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int EMPLOYEES = 50_000;
    private static final int SUBMITS = 1_000;
    private static final int RUNS = 5;
    private static final int CHUNK = 5_000;
    private static final String REPORT_SQL = """
            select s.instrument_code, s.measure, count(s.value), avg(s.value), stddev_samp(s.value)
            from response r join response_score s on s.response_id = r.id
            where r.round_id = '%1$s' group by 1, 2
            union all
            select a.instrument_code, a.item_id, count(*), avg(a.value), stddev_samp(a.value)
            from response r join response_answer a on a.response_id = r.id
            where r.round_id = '%1$s' group by 1, 2""";
    private static final String PAIRED_SQL = """
            select fs.instrument_code, fs.measure, count(*), avg(fs.value - bs.value), stddev_samp(fs.value - bs.value)
            from response f join response b on b.round_id = '%1$s' and b.pseudonym = f.pseudonym
            join response_score fs on fs.response_id = f.id
            join response_score bs on bs.response_id = b.id and bs.instrument_code = fs.instrument_code and bs.measure = fs.measure
            where f.round_id = '%2$s' and fs.value is not null and bs.value is not null group by 1, 2""";

    private SurveyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRun run = BenchmarkRun.start("survey", args);
        Map<String, Object> figures = run.figures();
        try (LocalStack stack = LocalStack.start(run.options(), step -> System.out.println("benchmark: starting " + step));
             Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl("survey"), "postgres", "postgres")) {
            KeycloakTokens tokens = new KeycloakTokens(stack.keycloakUrl());
            String survey = stack.serviceUrl("survey-service") + "/api/surveys";
            Municipality municipality = MunicipalityGenerator.generate(EMPLOYEES, 7, DemoData.AS_OF);
            send("POST", stack.serviceUrl("participants-service") + "/api/participants/hr/import", tokens.hrIntegration(),
                    Map.of("units", municipality.units(), "employees", municipality.employees()));
            stack.awaitSurveyProjection(Duration.ofMinutes(15));
            figures.put("employees", EMPLOYEES);
            figures.put("units", municipality.units().size());
            // tokens live minutes and a past round takes longer: a fresh one for each call
            Supplier<String> lead = () -> tokens.user("petra.lead");

            figures.put("submits", submits(stack, survey, lead.get(), municipality.employees().subList(0, SUBMITS)));

            Map<String, Object> rounds = new LinkedHashMap<>();
            String baseline = pastRound(survey, lead, municipality, "Baseline", LocalDate.of(2019, 9, 2), false, rounds);
            String followUp = pastRound(survey, lead, municipality, "Follow-up", LocalDate.of(2021, 3, 1), true, rounds);
            figures.put("rounds", rounds);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze");
            }
            figures.put("reportWholeMunicipality", compare(db, tokens.user("erik.eval"), survey + "/rounds/" + followUp + "/report",
                    REPORT_SQL.formatted(followUp)));
            long first = System.nanoTime();
            String erik = tokens.user("erik.eval");
            send("GET", survey + "/comparison?baseline=" + baseline + "&followUp=" + followUp, erik, null);
            Map<String, Object> paired = compare(db, erik, survey + "/comparison?baseline=" + baseline + "&followUp=" + followUp,
                    PAIRED_SQL.formatted(baseline, followUp));
            paired.put("firstRequestMsProtectingIt", round2((System.nanoTime() - first) / 1e6));
            figures.put("pairedComparison", paired);
            figures.put("target", "1,000 concurrent submits p99 <= 200 ms; whole-municipality report <= 300 ms; "
                    + "paired comparison <= 500 ms; each beside plain SQL over the responses");
        }
        run.write();
    }

    /** 1,000 employees submit at once to an open round for everyone; each submit's latency. */
    private static Map<String, Object> submits(LocalStack stack, String survey, String lead, List<EmployeeRow> employees)
            throws Exception {
        String round = send("POST", survey + "/rounds", lead, Map.of("name", "Throughput",
                "instruments", List.of(Map.of("code", "SOC-13"), Map.of("code", "HME"), Map.of("code", "KASAM-AM")),
                "opensAt", OffsetDateTime.now().minusMinutes(1), "closesAt", OffsetDateTime.now().plusDays(1))).path("id").asText();
        send("POST", survey + "/rounds/" + round + "/open", lead, Map.of());
        // one Keycloak user per employee, as the realm has the demo's, and their tokens and invitations
        KeycloakUsers users = new KeycloakUsers(stack.keycloakUrl());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String[]>> prepared = new ArrayList<>();
        KeycloakTokens tokens = new KeycloakTokens(stack.keycloakUrl());
        for (EmployeeRow e : employees) {
            prepared.add(pool.submit(() -> {
                String username = "bench-" + e.employeeNumber().toLowerCase();
                users.createEmployee(username, e.employeeNumber());
                String token = tokens.user(username);
                JsonNode mine = send("GET", survey + "/me/invitations", token, null);
                String invitation = null;
                for (JsonNode i : mine) {
                    invitation = i.path("roundId").asText().equals(round) ? i.path("id").asText() : invitation;
                }
                return new String[]{token, invitation};
            }));
        }
        List<String[]> ready = new ArrayList<>();
        for (Future<String[]> f : prepared) {
            ready.add(f.get());
        }
        pool.shutdown();
        List<SurveyAnswerGenerator.ResponseRow> answers = SurveyAnswerGenerator.generate(employees, false,
                LocalDate.now(), LocalDate.now(), 99);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(64)).build();
        List<CompletableFuture<Double>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < ready.size(); i++) {
            List<?> body = answers.get(i % answers.size()).answers();
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(survey + "/me/invitations/" + ready.get(i)[1] + "/submit"))
                    .header("Authorization", "Bearer " + ready.get(i)[0]).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("answers", body)))).build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                if (r.statusCode() != 204) {
                    throw new IllegalStateException("a submit answered " + r.statusCode() + " " + r.body());
                }
                return (System.nanoTime() - sent) / 1e6;
            }));
        }
        double[] ms = new double[inFlight.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = inFlight.get(i).get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(ms);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("submits", ms.length);
        result.put("p50Ms", round2(ms[ms.length / 2]));
        result.put("p99Ms", round2(ms[(int) Math.ceil(ms.length * 0.99) - 1]));
        result.put("maxMs", round2(ms[ms.length - 1]));
        result.put("perSecond", round2(ms.length / seconds));
        return result;
    }

    /** A round held before: opened for everyone, its ~40,000 answers imported, closed (its publication computed). */
    private static String pastRound(String survey, Supplier<String> lead, Municipality municipality, String name, LocalDate from,
                                    boolean followUp, Map<String, Object> figures) throws Exception {
        String round = send("POST", survey + "/rounds", lead.get(), Map.of("name", name,
                "instruments", List.of(Map.of("code", "SOC-13"), Map.of("code", "HME"), Map.of("code", "KASAM-AM")),
                "opensAt", from.atStartOfDay().atOffset(java.time.ZoneOffset.ofHours(2)),
                "closesAt", from.plusDays(45).atStartOfDay().atOffset(java.time.ZoneOffset.ofHours(2)))).path("id").asText();
        JsonNode opened = send("POST", survey + "/rounds/" + round + "/open", lead.get(), Map.of());
        List<SurveyAnswerGenerator.ResponseRow> rows = SurveyAnswerGenerator.generate(municipality.employees(), followUp,
                from, from.plusDays(44), 7);
        long t = System.nanoTime();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            send("POST", survey + "/rounds/" + round + "/responses/import", lead.get(), rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        double importSeconds = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        JsonNode closed = send("POST", survey + "/rounds/" + round + "/close", lead.get(), Map.of());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("invited", opened.path("invited").asInt());
        f.put("responses", closed.path("respondents").asInt());
        f.put("importSeconds", round2(importSeconds));
        f.put("closeSeconds", round2((System.nanoTime() - t) / 1e9));
        figures.put(name, f);
        return round;
    }

    private static Map<String, Object> compare(Connection db, String token, String url, String sql) throws Exception {
        double[] service = new double[RUNS];
        double[] plain = new double[RUNS];
        send("GET", url, token, null);
        plainSql(db, sql);
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            send("GET", url, token, null);
            service[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            plainSql(db, sql);
            plain[i] = (System.nanoTime() - t) / 1e6;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("serviceMs", stats(service));
        result.put("plainSqlMs", stats(plain));
        result.put("serviceOverPlainSql", round2(median(service) / median(plain)));
        return result;
    }

    private static void plainSql(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getDouble(4);
            }
        }
    }

    /** Keycloak's admin API, enough to add employees as users of the kasam realm (benchmark only). */
    static final class KeycloakUsers {
        private final String url;
        private final String employeeRole;
        private String admin;
        private long adminAt;

        KeycloakUsers(String keycloak) throws Exception {
            this.url = keycloak;
            this.employeeRole = send("GET", keycloak + "/admin/realms/kasam/roles/employee", admin(), null).toString();
        }

        /** The master realm's admin token lives a minute: taken again after 15 s, and for each call. */
        private synchronized String admin() throws Exception {
            if (admin == null || System.nanoTime() - adminAt > 15_000_000_000L) {
                String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
                HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                admin = JSON.readTree(token.body()).path("access_token").asText();
                adminAt = System.nanoTime();
            }
            return admin;
        }

        void createEmployee(String username, String employeeNumber) throws Exception {
            String admin = admin();
            Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", "Bench",
                    "lastName", employeeNumber, "email", username + "@example.org", "emailVerified", true,
                    "attributes", Map.of("employee_number", List.of(employeeNumber)),
                    "credentials", List.of(Map.of("type", "password", "value", KeycloakTokens.DEMO_PASSWORD, "temporary", false)));
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/kasam/users"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(user))).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Keycloak refused user " + username + ": " + created.statusCode() + " " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> mapped = HTTP.send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                    .header("Authorization", "Bearer " + admin()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + employeeRole + "]")).build(), HttpResponse.BodyHandlers.ofString());
            if (mapped.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused the role of " + username + ": " + mapped.statusCode());
            }
        }
    }
}
