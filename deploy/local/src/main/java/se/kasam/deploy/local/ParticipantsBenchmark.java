package se.kasam.deploy.local;

import static se.kasam.deploy.local.BenchmarkRun.count;
import static se.kasam.deploy.local.BenchmarkRun.median;
import static se.kasam.deploy.local.BenchmarkRun.round2;
import static se.kasam.deploy.local.BenchmarkRun.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import se.kasam.deploy.local.demo.MunicipalityGenerator;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator.Municipality;

/**
 * participants-service's figures on a fresh local stack: the HR import of 1,300 and 50,000 employees in one atomic
 * call, fresh and re-sent unchanged, each beside PostgreSQL COPY of the same rows into a table shaped like
 * employee (same server, same run); and a trio round over each. Runs: the median of three, after a warm-up; between
 * runs the stack is left to settle (outbox drained, sickleave's projection caught up) and the tables are emptied.
 * Run with deploy/local/benchmark participants [output.json].
 */
public final class ParticipantsBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final int RUNS = 3;

    private ParticipantsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRun run = BenchmarkRun.start("participants", args);
        Map<String, Object> figures = run.figures();
        try (LocalStack stack = LocalStack.start(run.options(), step -> System.out.println("benchmark: starting " + step));
             Connection participants = DriverManager.getConnection(stack.postgres().jdbcUrl("participants"), "postgres", "postgres");
             Connection sickleave = DriverManager.getConnection(stack.postgres().jdbcUrl("sickleave"), "postgres", "postgres")) {
            Bench bench = new Bench(stack, new KeycloakTokens(stack.keycloakUrl()), participants, sickleave);
            bench.importAndRound(MunicipalityGenerator.generate(1_300, 1, DemoData.AS_OF), 1); // warm-up
            for (int size : new int[] {1_300, 50_000}) {
                Municipality municipality = MunicipalityGenerator.generate(size, 7, DemoData.AS_OF);
                figures.put("employees" + size, bench.measure(municipality));
                System.out.println("benchmark: " + size + " done");
            }
        }
        run.write();
    }

    private record Bench(LocalStack stack, KeycloakTokens tokens, Connection participants, Connection sickleave) {

        Map<String, Object> measure(Municipality municipality) throws Exception {
            byte[] batch = JSON.writeValueAsBytes(Map.of("units", municipality.units(), "employees", municipality.employees()));
            String copyRows = csv(municipality.employees());
            double[] copy = new double[RUNS];
            double[] fresh = new double[RUNS];
            double[] unchanged = new double[RUNS];
            double[] round = new double[RUNS];
            double[] secondRound = new double[RUNS];
            double[] settle = new double[RUNS];
            Map<String, Object> lastRound = Map.of();
            int n = municipality.employees().size();
            // each figure is taken on a quiet stack: the events of the step before are sent and consumed first
            for (int i = 0; i < RUNS; i++) {
                copy[i] = copy(copyRows);
                fresh[i] = importBatch(batch, "created", n);
                settle[i] = settle(n);
                unchanged[i] = importBatch(batch, "unchanged", n);
                JsonNode formed = formRound("first");
                round[i] = formed.get("ms").asDouble();
                settle(n);
                JsonNode second = formRound("second");
                secondRound[i] = second.get("ms").asDouble();
                lastRound = Map.of("first", summary(formed), "withEarlierPairs", summary(second));
                settle(n);
                reset();
            }
            double viaGateway = importVia(stack.gatewayUrl(), batch, "created", n);
            settle(n);
            double unchangedViaGateway = importVia(stack.gatewayUrl(), batch, "unchanged", n);
            reset();

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("employees", municipality.employees().size());
            result.put("units", municipality.units().size());
            result.put("batchMegabytes", round2(batch.length / 1e6));
            result.put("copyMs", stats(copy));
            result.put("importFreshMs", stats(fresh));
            result.put("importUnchangedMs", stats(unchanged));
            result.put("freshOverCopy", Map.of("target", "<= 5", "value", round2(median(fresh) / median(copy))));
            result.put("unchangedOverCopy", Map.of("target", "<= 2", "value", round2(median(unchanged) / median(copy))));
            result.put("viaGatewayMs", Map.of("fresh", round2(viaGateway), "unchanged", round2(unchangedViaGateway)));
            result.put("trioRoundMs", Map.of("target", "<= 2000 for 50,000", "first", stats(round), "withEarlierPairs", stats(secondRound)));
            result.put("trioRoundReport", lastRound);
            result.put("freshImportEventsInSickleaveProjectionSeconds", stats(settle));
            return result;
        }

        /** Warm-up: the same path once, unmeasured. */
        void importAndRound(Municipality municipality, int times) throws Exception {
            byte[] batch = JSON.writeValueAsBytes(Map.of("units", municipality.units(), "employees", municipality.employees()));
            for (int i = 0; i < times; i++) {
                importBatch(batch, "created", municipality.employees().size());
                importBatch(batch, "unchanged", municipality.employees().size());
                formRound("warm-up");
                copy(csv(municipality.employees()));
                settle(municipality.employees().size());
                reset();
            }
        }

        double importBatch(byte[] batch, String expected, int count) throws Exception {
            return importVia(stack.serviceUrl("participants-service"), batch, expected, count);
        }

        double importVia(String base, byte[] batch, String expected, int count) throws Exception {
            String token = tokens.hrIntegration();
            long t = System.nanoTime();
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/participants/hr/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build(), HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t) / 1e6;
            JsonNode report = JSON.readTree(response.body());
            if (response.statusCode() != 200 || report.path("employees").path(expected).asInt() != count) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": "
                        + report.path("employees") + report.path("detail"));
            }
            return ms;
        }

        JsonNode formRound(String name) throws Exception {
            String token = tokens.user("petra.lead");
            long t = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                            stack.serviceUrl("participants-service") + "/api/participants/trio-rounds"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"seed\": 11}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t) / 1e6;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("trio round answered " + response.statusCode() + " " + response.body());
            }
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
            node.put("ms", ms);
            return node;
        }

        /** COPY of the same employees into a table shaped like employee (its keys and checks, no foreign key). */
        double copy(String rows) throws SQLException, java.io.IOException {
            try (Statement s = participants.createStatement()) {
                s.execute("create table if not exists bench_copy (like employee including all)");
                s.execute("truncate bench_copy");
            }
            long t = System.nanoTime();
            participants.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy bench_copy (employee_number, name, email, legal_gender, birth_year, unit_code, occupation, "
                            + "employment_rate, full_time_hours, employment_type, start_date, version, updated_at) "
                            + "from stdin (format csv)", new StringReader(rows));
            return (System.nanoTime() - t) / 1e6;
        }

        /** Waits until the outbox is sent and sickleave's projection has every employee; returns the wait. */
        double settle(int employees) throws Exception {
            long t = System.nanoTime();
            long deadline = t + Duration.ofMinutes(10).toNanos();
            long outbox;
            long projected;
            long report = t;
            while ((outbox = count(participants, "select count(*) from outbox_event")) > 0
                    || (projected = count(sickleave, "select count(*) from employee")) < employees) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the stack did not settle in 10 minutes");
                }
                if (System.nanoTime() - report > 10e9) {
                    report = System.nanoTime();
                    System.out.printf("benchmark: settling: %d events in the outbox, %d of %d in sickleave's projection%n",
                            outbox, count(sickleave, "select count(*) from employee"), employees);
                }
                Thread.sleep(50);
            }
            return (System.nanoTime() - t) / 1e9;
        }

        void reset() throws SQLException {
            try (Statement s = participants.createStatement()) {
                s.execute("truncate trio_member, trio_group, trio_round, unit_manager, employee, unit, bench_copy");
            }
            try (Statement s = sickleave.createStatement()) {
                s.execute("truncate employee, inbox_event");
            }
        }

        private static Map<String, Object> summary(JsonNode round) {
            JsonNode report = round.get("report");
            return Map.of("groupSizes", JSON.convertValue(report.get("groupSizes"), Map.class),
                    "unplaced", report.get("unplaced").size(), "repeats", report.get("repeats").size(),
                    "conflicts", report.get("conflicts").size());
        }
    }

    private static String csv(List<EmployeeRow> employees) {
        StringBuilder csv = new StringBuilder(employees.size() * 200);
        String now = Instant.now().toString();
        for (EmployeeRow e : employees) {
            csv.append(e.employeeNumber()).append(",\"").append(e.name()).append("\",").append(e.email()).append(',')
                    .append(e.legalGender()).append(',').append(e.birthYear()).append(',').append(e.unitCode()).append(',')
                    .append(e.occupation()).append(',').append(e.employmentRate()).append(',').append(e.fullTimeHours())
                    .append(',').append(e.employmentType()).append(',').append(e.startDate()).append(",0,").append(now)
                    .append('\n');
        }
        return csv.toString();
    }
}
