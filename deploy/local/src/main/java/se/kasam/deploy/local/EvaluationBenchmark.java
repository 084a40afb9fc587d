package se.kasam.deploy.local;

import static se.kasam.deploy.local.BenchmarkRun.round2;
import static se.kasam.deploy.local.BenchmarkRun.send;
import static se.kasam.deploy.local.BenchmarkRun.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The programme evaluation on the demo municipality, through the gateway: the whole report as JSON, page and PDF
 * (medians of five after a warm-up), beside its baseline in the same run — the services' own answers it is composed
 * from, asked directly and all at once (the time until the last is back). Then sickleave-service hung (SIGSTOP: it
 * accepts connections and never answers) and stopped: the report's time against the section timeout + 200 ms, and
 * once the circuit is open, without the wait.
 */
public final class EvaluationBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 5;
    private static final long SECTION_TIMEOUT_MS = 4_000;
    private static final long CIRCUIT_DELAY_MS = 10_000;

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRun run = BenchmarkRun.start("evaluation", args);
        StackOptions withDemo = new StackOptions(run.root(), run.data(), run.options().keycloakDist(), true, true, true,
                run.options().aotCache(), run.options().ports());
        Map<String, Object> figures = run.figures();
        try (LocalStack stack = LocalStack.start(withDemo, step -> System.out.println("benchmark: starting " + step))) {
            String lead = new KeycloakTokens(stack.keycloakUrl()).user("petra.lead");
            String report = stack.gatewayUrl() + "/api/evaluation/report";
            for (int i = 0; i < 3; i++) {
                for (String suffix : List.of("", ".html", ".pdf")) {
                    timed(report + suffix, lead);
                }
                direct(stack, lead);
            }
            Map<String, Object> demo = new LinkedHashMap<>();
            Map<String, double[]> times = new LinkedHashMap<>();
            for (String suffix : List.of("", ".html", ".pdf")) {
                double[] ms = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    ms[i] = timed(report + suffix, lead).millis();
                }
                times.put(suffix.isEmpty() ? "json" : suffix.substring(1), ms);
            }
            double[] baseline = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                baseline[i] = direct(stack, lead);
            }
            times.forEach((format, ms) -> demo.put(format, stats(ms)));
            demo.put("servicesDirectAllAtOnce", stats(baseline));
            demo.put("jsonOverBaseline", round2(BenchmarkRun.median(times.get("json")) / BenchmarkRun.median(baseline)));
            demo.put("targets", Map.of("jsonMs", 1000, "pdfMs", 3000));
            figures.put("demoReport", demo);

            long sickleave = stack.pid("sickleave-service");
            Map<String, Object> down = new LinkedHashMap<>();
            signal("STOP", sickleave);
            try {
                down.put("sickleaveHung", degraded(report, lead, 3));
            } finally {
                signal("CONT", sickleave);
            }
            ProcessHandle.of(sickleave).ifPresent(ProcessHandle::destroy);
            ProcessHandle.of(sickleave).ifPresent(p -> p.onExit().join());
            // the hung calls opened the circuit: after its delay a trial call finds the service gone at once
            Thread.sleep(CIRCUIT_DELAY_MS + 500);
            down.put("sickleaveStopped", degraded(report, lead, 3));
            down.put("boundMs", SECTION_TIMEOUT_MS + 200);
            figures.put("oneServiceDown", down);
        }
        run.write();
    }

    /** Each call's time and what the sick-leave section said. */
    private static List<Map<String, Object>> degraded(String report, String token, int calls) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Timed t = timed(report, token);
            JsonNode body = JSON.readTree(t.body());
            results.add(Map.of("ms", round2(t.millis()), "status", t.status(),
                    "sickLeave", body.path("sickLeave").path("status").asText(),
                    "code", body.path("sickLeave").path("unavailable").path("code").asText(),
                    "otherSections", body.path("participation").path("status").asText() + "/" + body.path("survey").path("status").asText()));
        }
        return results;
    }

    /** The services' answers the report is made of, all asked at once and directly: ms until the last is back. */
    private static double direct(LocalStack stack, String token) throws Exception {
        String workshops = stack.serviceUrl("workshops-service") + "/api/workshops";
        String surveys = stack.serviceUrl("survey-service") + "/api/surveys";
        String sickleave = stack.serviceUrl("sickleave-service") + "/api/sickleave/statistics";
        JsonNode rounds = send("GET", surveys + "/rounds?size=100", token, null);
        List<String> closed = new ArrayList<>();
        rounds.path("items").forEach(r -> {
            if ("CLOSED".equals(r.path("status").asText())) {
                closed.add(0, r.path("id").asText());
            }
        });
        List<String> urls = List.of(
                workshops + "/progress?on=2021-10-31",
                workshops + "/participation?from=2019-08&to=2021-10",
                surveys + "/rounds?page=0&size=100",
                surveys + "/rounds/" + closed.get(0) + "/response-rates",
                surveys + "/rounds/" + closed.get(closed.size() - 1) + "/response-rates",
                surveys + "/comparison?baseline=" + closed.get(0) + "&followUp=" + closed.get(closed.size() - 1),
                sickleave + "/programme?period=before:2018-01/2019-07&period=during:2019-08/2021-10&period=after:2021-11/2023-10",
                sickleave + "/monthly?from=2018-01&to=2023-10");
        long start = System.nanoTime();
        CompletableFuture.allOf(urls.stream().map(u -> HTTP.sendAsync(HttpRequest.newBuilder(URI.create(u))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(u + " answered " + r.statusCode());
                    }
                    return r;
                })).toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - start) / 1e6;
    }

    private record Timed(double millis, int status, String body) {
    }

    private static Timed timed(String url, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return new Timed(ms, response.statusCode(), response.body());
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }
}
