package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.kasam.stack.Ports;

/**
 * The foundation's figures, measured on the real local stack and written to a file (not a timed test):
 * time to "all ready", each service's start time and RSS, the delay from an employee change to
 * sickleave-service's projection (p50/p99 over 200 changes), and the gateway's added latency against calling
 * the service directly. Run with deploy/local/benchmark [output.json].
 */
public final class FoundationBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Changes made before the measured ones: the consumer's first fetches and the JIT warm up. */
    private static final int WARM_UP = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FoundationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRun run = BenchmarkRun.start("foundation", args);
        Map<String, Object> figures = run.figures();
        long t0 = System.nanoTime();
        try (LocalStack stack = LocalStack.start(run.options(), step -> System.out.println("benchmark: starting " + step))) {
            figures.put("allReadySeconds", seconds(Duration.ofNanos(System.nanoTime() - t0)));
            Map<String, Object> inStack = new LinkedHashMap<>();
            stack.readyAfter().forEach((name, d) -> inStack.put(name, seconds(d)));
            figures.put("readyAfterSecondsWhenStartedTogether", inStack);

            Map<String, Object> rss = new LinkedHashMap<>();
            for (String service : services()) {
                rss.put(service, rssMb(stack.pid(service)));
            }
            figures.put("rssMbOnceReady", Map.of("target", "<= 300", "value", rss));

            KeycloakTokens tokens = new KeycloakTokens(stack.keycloakUrl());
            figures.put("employeeChangeToProjectionMs", Map.of("target", "p99 <= 1000",
                    "value", propagation(stack, tokens.hrIntegration(), 200)));
            figures.put("gatewayAddedLatencyMs", Map.of("target", "p50 <= 1",
                    "value", gatewayOverhead(stack, tokens.user("emma.employee"), 5000)));
            figures.put("startSecondsAlone", Map.of("target", "<= 3", "value", startAlone(stack, run.root(), run.data(), run.options())));
        }
        run.write();
    }

    private static List<String> services() {
        List<String> all = new ArrayList<>(LocalStack.SERVICES);
        all.add("gateway");
        return all;
    }

    /**
     * A second instance of each app on a free port, started while the rest idles: JVM start to ready. The first
     * run is a training run recording the JDK's AOT cache (see {@link AotCache}); the median is of the three runs
     * after it, which use the cache.
     */
    private static Map<String, Object> startAlone(LocalStack stack, Path root, Path data, StackOptions options) {
        AotCache aot = new AotCache(options.aotCacheDir());
        Map<String, Object> result = new LinkedHashMap<>();
        for (String service : services()) {
            double[] runs = new double[4];
            for (int i = 0; i < runs.length; i++) {
                Map<String, String> config = stack.passiveConfig(service);
                Path app = ServiceProcess.app(root, service);
                List<String> jvm = i == 0 ? aot.record(app, service) : aot.use(app, service);
                try (ServiceProcess extra = ServiceProcess.start(root, service, Ports.freePort(), config,
                        data.resolve("logs/bench"), jvm)) {
                    extra.awaitReady(Duration.ofMinutes(1));
                    runs[i] = seconds(extra.startTime());
                }
            }
            double[] cached = Arrays.copyOfRange(runs, 1, runs.length);
            Arrays.sort(cached);
            result.put(service, Map.of("firstStartRecordingAotCache", runs[0], "median", cached[1], "runs", runs));
        }
        return result;
    }

    /** Creates employees through participants-service and times until sickleave-service's projection has each. */
    private static Map<String, Object> propagation(LocalStack stack, String token, int changes) throws Exception {
        post(stack.serviceUrl("participants-service") + "/api/participants/units",
                "{\"code\":\"BENCH\",\"name\":\"Benchmark unit\"}", token);
        long[] micros = new long[changes + WARM_UP];
        try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl("sickleave"), "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("select 1 from employee where employee_number = ?")) {
            for (int i = 0; i < changes + WARM_UP; i++) {
                String number = "B" + i;
                post(stack.serviceUrl("participants-service") + "/api/participants/employees", """
                        {"employeeNumber":"%s","name":"Bench Mark","legalGender":"FEMALE","birthYear":1980,
                         "unitCode":"BENCH","employmentRate":100,"fullTimeHours":40,"employmentType":"PERMANENT",
                         "startDate":"2020-01-01"}""".formatted(number), token);
                long committed = System.nanoTime();
                query.setString(1, number);
                while (true) {
                    try (ResultSet rs = query.executeQuery()) {
                        if (rs.next()) {
                            break;
                        }
                    }
                    if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("employee " + number + " never reached the projection");
                    }
                    Thread.sleep(0, 200_000);
                }
                micros[i] = (System.nanoTime() - committed) / 1000;
            }
        }
        return percentiles(Arrays.copyOfRange(micros, WARM_UP, micros.length), changes);
    }

    /** The same authenticated GET, alternately through the gateway and straight to the service. */
    private static Map<String, Object> gatewayOverhead(LocalStack stack, String token, int requests) throws Exception {
        String direct = stack.serviceUrl("workshops-service") + "/api/workshops/modules";
        String viaGateway = stack.gatewayUrl() + "/api/workshops/modules";
        for (int i = 0; i < 1000; i++) {
            get(direct, token);
            get(viaGateway, token);
        }
        long[] directMicros = new long[requests];
        long[] gatewayMicros = new long[requests];
        for (int i = 0; i < requests; i++) {
            directMicros[i] = get(direct, token);
            gatewayMicros[i] = get(viaGateway, token);
        }
        Map<String, Object> d = percentiles(directMicros, requests);
        Map<String, Object> g = percentiles(gatewayMicros, requests);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("direct", d);
        result.put("throughGateway", g);
        result.put("addedP50", round((double) g.get("p50") - (double) d.get("p50")));
        result.put("addedP99", round((double) g.get("p99") - (double) d.get("p99")));
        return result;
    }

    private static long get(String url, String token) throws IOException, InterruptedException {
        long t = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return micros;
    }

    private static void post(String url, String body, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
    }

    private static Map<String, Object> percentiles(long[] micros, int n) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("samples", n);
        result.put("p50", round(sorted[(int) (n * 0.50)] / 1000.0));
        result.put("p90", round(sorted[(int) (n * 0.90)] / 1000.0));
        result.put("p99", round(sorted[Math.min(n - 1, (int) (n * 0.99))] / 1000.0));
        result.put("max", round(sorted[n - 1] / 1000.0));
        return result;
    }

    private static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux: no figure
        }
        return -1;
    }

    private static double seconds(Duration d) {
        return round(d.toMillis() / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
