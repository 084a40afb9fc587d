package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every benchmark shares: a fresh stack's options (random ports, a temporary data directory, the AOT caches),
 * the figures collected with when and where they were measured, and the file they are written to
 * ({@code deploy/local/target/benchmarks/<name>.json}, or the first argument).
 */
record BenchmarkRun(Path root, Path data, Path out, StackOptions options, Map<String, Object> figures) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    static BenchmarkRun start(String name, String[] args) throws IOException {
        Path root = Path.of(System.getProperty("kasam.root", ".")).toAbsolutePath().normalize();
        Path out = Path.of(args.length > 0 ? args[0] : root.resolve("deploy/local/target/benchmarks/" + name + ".json").toString());
        Path data = Files.createTempDirectory("kasam-benchmark");
        StackOptions options = new StackOptions(root, data, Path.of(System.getProperty("kasam.keycloak.dist",
                root.resolve("deploy/local/target/keycloak/keycloak-26.7.3").toString())), true, true, false, true,
                StackOptions.PortPlan.random());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("measuredAt", Instant.now().toString());
        figures.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        return new BenchmarkRun(root, data, out, options, figures);
    }

    void write() throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        String text = JSON.writeValueAsString(figures);
        Files.writeString(out, text);
        System.out.println(text);
        System.out.println("benchmark: figures written to " + out);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One call with a bearer token and a JSON body (or none); anything but a 2xx stops the benchmark. */
    static JsonNode send(String method, String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The median and every run, rounded to hundredths. */
    static Map<String, Object> stats(double[] values) {
        return Map.of("median", round2(median(values)), "runs", Arrays.stream(values).map(BenchmarkRun::round2).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
