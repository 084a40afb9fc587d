package se.kasam.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.kasam.stack.ManagedProcess;
import se.kasam.stack.Ports;
import se.kasam.stack.Wait;

/** A Kasam service (or the gateway) run from its packaged app, with the stack's addresses as configuration. */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final ManagedProcess process;
    private final long startedNanos;
    private volatile Duration startTime;

    private ServiceProcess(String name, int port, ManagedProcess process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static Path app(Path root, String module) {
        return folder(root, module).resolve("target/quarkus-app");
    }

    /** Where a module lives: the evaluation beside the proxy in gateway/, the others at the top. */
    private static Path folder(Path root, String module) {
        return module.equals(LocalStack.EVALUATION) ? root.resolve("gateway").resolve(module) : root.resolve(module);
    }

    static ServiceProcess start(Path root, String module, int port, Map<String, String> config, Path logDir,
                                List<String> jvmOptions) {
        Path app = app(root, module).resolve("quarkus-run.jar");
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: build first (./mvnw install -DskipTests)");
        }
        Ports.requireFree(port, module);
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(),
                // small heaps and the serial collector: five services share one machine with Kafka and Keycloak
                "-XX:+UseSerialGC", "-Xms96m", heap(module),
                "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        if (module.equals("participants-service")) {
            // a service starts faster with the client compiler alone; the gateway's hot path wants C2, and so do
            // the protections of sick leave, the survey and the workshops' progress, and the workshops' planner
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(jvmOptions);
        // a secret goes into the environment (MicroProfile Config reads KASAM_SURVEY_PSEUDONYM_SECRET for
        // kasam.survey.pseudonym-secret), not onto the command line, where anyone on the machine could read it
        Map<String, String> env = new java.util.LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.endsWith("-secret")) {
                env.put(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value);
            } else {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(List.of("-jar", app.toString()));
        long started = System.nanoTime();
        ManagedProcess process = ManagedProcess.start(module, command, folder(root, module), env,
                logDir.resolve(module + ".log"));
        return new ServiceProcess(module, port, process, started);
    }

    /**
     * Sick leave's yearly publication holds a year's whole table while it protects it (about 0.4 million cells at
     * 50,000 employees); a closing survey round holds its responses' scores (about 40,000 × 40); a booking plan for
     * 10,000 employees holds 30,000 parties and their slots, and a month's ESF export of 50,000 its rows.
     */
    private static String heap(String module) {
        return switch (module) {
            case "sickleave-service" -> "-Xmx2g";
            case "survey-service", "workshops-service" -> "-Xmx1g";
            // a report's page and PDF are drawn in memory (charts, fonts, the PDF's pages)
            case LocalStack.EVALUATION -> "-Xmx256m";
            default -> "-Xmx192m";
        };
    }

    void awaitReady(Duration timeout) {
        Wait.until(name, timeout, () -> {
            process.requireAlive();
            return ready();
        });
        startTime = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    boolean ready() {
        return Wait.answersOk(url() + "/q/health/ready");
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    Duration startTime() {
        return startTime;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
