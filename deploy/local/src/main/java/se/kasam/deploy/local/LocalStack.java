package se.kasam.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import se.kasam.stack.KafkaServer;
import se.kasam.stack.KeycloakServer;
import se.kasam.stack.Ports;
import se.kasam.stack.PostgresServer;
import se.kasam.stack.Wait;

/**
 * The whole system on one machine, no containers: PostgreSQL (a database per service), Kafka, Keycloak with the
 * kasam realm, the four services, the evaluation and the gateway, started in that order, each waited for. {@link #close()} stops
 * everything it started, in reverse.
 */
public final class LocalStack implements AutoCloseable {
    public static final List<String> SERVICES = List.of("participants-service", "workshops-service", "survey-service",
            "sickleave-service");
    /** The report composed from the services (gateway/evaluation): no database of its own. */
    static final String EVALUATION = "evaluation";

    private final StackOptions options;
    private final AotCache aot;
    private volatile boolean closing;
    private final Thread onExit = new Thread(this::close, "kasam-stack-stop");
    private volatile ServiceProcess trainingRun;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KeycloakServer keycloak;
    private KafkaServer kafka;
    private PostgresServer postgres;

    private LocalStack(StackOptions options) {
        this.options = options;
        this.aot = new AotCache(options.aotCacheDir());
    }

    public static LocalStack start(StackOptions options, Consumer<String> progress) {
        LocalStack stack = new LocalStack(options);
        // whatever command started the stack (start, a benchmark, a test), a SIGTERM to it stops what it started
        Runtime.getRuntime().addShutdownHook(stack.onExit);
        try {
            stack.startAll(progress);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Consumer<String> progress) {
        StackOptions.PortPlan ports = options.ports();
        prepareDataDir();
        requirePortsFree(ports);

        long t0 = System.nanoTime();
        progress.accept("PostgreSQL on port " + ports.postgres() + " ...");
        postgres = PostgresServer.start(options.dataDir().resolve("postgres"), options.dataDir().resolve("postgres-binaries"),
                ports.postgres(), options.durable());
        started.add(postgres);
        for (String service : SERVICES) {
            postgres.createDatabase(database(service));
        }
        readyAfter.put("postgresql", since(t0));

        t0 = System.nanoTime();
        progress.accept("Kafka on port " + ports.kafka() + " ...");
        kafka = KafkaServer.start(options.dataDir().resolve("kafka"), ports.kafka(), ports.kafkaController(), Duration.ofSeconds(90));
        started.add(kafka);
        readyAfter.put("kafka", since(t0));

        t0 = System.nanoTime();
        progress.accept("Keycloak on port " + ports.keycloak() + " (the first start builds it, ~30 s) ...");
        keycloak = KeycloakServer.start(options.keycloakDist(), options.dataDir().resolve("keycloak"), ports.keycloak(),
                ports.keycloakManagement(), options.root().resolve("deploy/local/realm/kasam-realm.json"), Duration.ofMinutes(4));
        started.add(keycloak);
        readyAfter.put("keycloak", since(t0));

        progress.accept("services ...");
        Map<String, Integer> servicePorts = servicePorts();
        for (String service : SERVICES) {
            ServiceProcess process = ServiceProcess.start(options.root(), service, servicePorts.get(service),
                    serviceConfig(service), logs(), aotOptions(service));
            started.add(process);
            services.put(service, process);
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofMinutes(2));
            readyAfter.put(process.name(), process.startTime());
        }
        // the evaluation composes the services' answers: it starts once they are ready, and before the gateway
        ServiceProcess evaluation = ServiceProcess.start(options.root(), EVALUATION, ports.evaluation(), evaluationConfig(),
                logs(), aotOptions(EVALUATION));
        started.add(evaluation);
        services.put(EVALUATION, evaluation);
        evaluation.awaitReady(Duration.ofMinutes(1));
        readyAfter.put(EVALUATION, evaluation.startTime());
        ServiceProcess gateway = ServiceProcess.start(options.root(), "gateway", ports.gateway(), gatewayConfig(servicePorts), logs(), aotOptions("gateway"));
        started.add(gateway);
        services.put("gateway", gateway);
        gateway.awaitReady(Duration.ofMinutes(1));
        readyAfter.put("gateway", gateway.startTime());

        if (options.demoData()) {
            progress.accept("demo municipality ...");
            try {
                new DemoData(gatewayUrl(), new KeycloakTokens(keycloak.url()), () -> awaitSurveyProjection(Duration.ofMinutes(3)),
                        () -> awaitWorkshopsProjection(Duration.ofMinutes(3))).load();
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + firstErrors(logs(), services.keySet()), e);
            }
        }
        if (options.aotCache()) {
            trainMissingAotCaches();
        }
    }

    private Map<String, String> serviceConfig(String service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database(service)));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        if (service.equals("survey-service")) {
            config.put("kasam.survey.pseudonym-secret", pseudonymSecret());
        }
        // settings of a service given to the launcher, e.g. -Dkasam.sickleave.first-month=2021-01
        String prefix = "kasam." + service.replace("-service", "") + ".";
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> config.put(k, System.getProperty(k)));
        return config;
    }

    /**
     * The survey's pseudonym key: made once per data directory and kept beside the databases, never in the survey
     * database (a new key would make every earlier round's pseudonyms unpairable with the next one's).
     */
    private String pseudonymSecret() {
        Path file = options.dataDir().resolve("secrets/survey-pseudonym-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, java.util.HexFormat.of().formatHex(key));
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own permissions protect it
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the survey's pseudonym key in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until survey-service holds every employee and unit participants-service holds, each at the same version
     * (its projection has caught up with what was imported): a round opened before would invite a partial population.
     */
    void awaitSurveyProjection(Duration timeout) {
        Wait.until("survey-service's projection of the employees and units", timeout, () ->
                versions(database("participants-service"), "version").equals(versions(database("survey-service"), "source_version")));
    }

    /** Until every service holds every employee and unit at participants-service's version: the stack is quiet. */
    void awaitAllProjections(Duration timeout) {
        Wait.until("every service's projection of the employees and units", timeout, () -> {
            List<Long> source = versions(database("participants-service"), "version");
            return source.equals(versions(database("survey-service"), "source_version"))
                    && source.equals(versions(database("sickleave-service"), "source_version"))
                    && source.equals(versions(database("workshops-service"), "source_version"));
        });
    }

    /** Until workshops-service holds every employee, unit and trio group at participants-service's version. */
    void awaitWorkshopsProjection(Duration timeout) {
        Wait.until("workshops-service's projection of the employees, units and trio groups", timeout, () ->
                versions(database("participants-service"), "version").equals(versions(database("workshops-service"), "source_version"))
                        && trioGroups(database("participants-service"), "version").equals(trioGroups(database("workshops-service"), "source_version")));
    }

    private List<Long> trioGroups(String database, String column) {
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres");
             var statement = connection.createStatement();
             var rs = statement.executeQuery("select count(*), coalesce(sum(" + column + "), 0) from trio_group")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2));
        } catch (java.sql.SQLException e) {
            return List.of(-1L);
        }
    }

    /** How many employees and units a database holds, and the sum of their versions. */
    private List<Long> versions(String database, String column) {
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres");
             var statement = connection.createStatement();
             var rs = statement.executeQuery("select (select count(*) from employee), (select coalesce(sum(" + column
                     + "), 0) from employee), (select count(*) from unit), (select coalesce(sum(" + column + "), 0) from unit)")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        } catch (java.sql.SQLException e) {
            return List.of(-1L);
        }
    }

    /**
     * The configuration of an extra, passive instance of an app beside the live ones (the AOT training run, the
     * start-time benchmark): its own empty database, no consumers, no scheduled jobs. It never joins the live
     * consumer groups (where, stopping, it would take messages from the live instance), never runs the live
     * jobs and never writes the live databases.
     */
    Map<String, String> passiveConfig(String module) {
        if (module.equals("gateway")) {
            return gatewayConfig(servicePorts());
        }
        if (module.equals(EVALUATION)) {
            return evaluationConfig();
        }
        String database = database(module) + "_passive";
        postgres.recreateDatabase(database);
        Map<String, String> config = serviceConfig(module);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("kasam.consumers.enabled", "false");
        config.put("quarkus.scheduler.enabled", "false");
        return config;
    }

    private Map<String, String> gatewayConfig(Map<String, Integer> servicePorts) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        config.put("kasam.gateway.routes.participants", "http://127.0.0.1:" + servicePorts.get("participants-service"));
        config.put("kasam.gateway.routes.workshops", "http://127.0.0.1:" + servicePorts.get("workshops-service"));
        config.put("kasam.gateway.routes.surveys", "http://127.0.0.1:" + servicePorts.get("survey-service"));
        config.put("kasam.gateway.routes.sickleave", "http://127.0.0.1:" + servicePorts.get("sickleave-service"));
        config.put("kasam.gateway.routes.evaluation", "http://127.0.0.1:" + options.ports().evaluation());
        // gateway settings given to the launcher (-Dkasam.gateway.rate-limit.capacity=...) reach the gateway
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("kasam.gateway."))
                .forEach(k -> config.put(k, System.getProperty(k)));
        return config;
    }

    private Map<String, String> evaluationConfig() {
        Map<String, Integer> servicePorts = servicePorts();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        config.put("quarkus.rest-client.workshops.url", "http://127.0.0.1:" + servicePorts.get("workshops-service"));
        config.put("quarkus.rest-client.surveys.url", "http://127.0.0.1:" + servicePorts.get("survey-service"));
        config.put("quarkus.rest-client.sickleave.url", "http://127.0.0.1:" + servicePorts.get("sickleave-service"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("kasam.evaluation."))
                .forEach(k -> config.put(k, System.getProperty(k)));
        return config;
    }

    private Map<String, Integer> servicePorts() {
        StackOptions.PortPlan ports = options.ports();
        return Map.of("participants-service", ports.participants(), "workshops-service", ports.workshops(),
                "survey-service", ports.survey(), "sickleave-service", ports.sickleave());
    }

    private Path logs() {
        return options.dataDir().resolve("logs");
    }

    /** The first error each service logged (JSON lines), so a failed start says why without opening the logs. */
    static String firstErrors(Path logs, Collection<String> services) {
        StringBuilder errors = new StringBuilder("\nthe logs are in " + logs);
        for (String name : services) {
            try (Stream<String> lines = Files.lines(logs.resolve(name + ".log"))) {
                lines.filter(line -> line.contains("\"level\":\"ERROR\"")).findFirst().ifPresent(line -> errors.append("\n")
                        .append(name).append(": ").append(line, 0, Math.min(line.length(), 600)));
            } catch (IOException | UncheckedIOException e) {
                errors.append("\n").append(name).append(": log not readable (").append(e.getMessage()).append(')');
            }
        }
        return errors.toString();
    }

    private List<String> aotOptions(String module) {
        return options.aotCache() ? aot.use(ServiceProcess.app(options.root(), module), module) : List.of();
    }

    /**
     * In the background, one at a time: a short training run of each app that has no AOT cache for its build yet,
     * so that the next start is faster.
     */
    private void trainMissingAotCaches() {
        List<String> modules = new ArrayList<>(SERVICES);
        modules.add(EVALUATION);
        modules.add("gateway");
        Thread trainer = new Thread(() -> modules.forEach(module -> {
            Path app = ServiceProcess.app(options.root(), module);
            if (closing || !aot.missing(app, module)) {
                return;
            }
            try (ServiceProcess training = ServiceProcess.start(options.root(), module, Ports.freePort(),
                    passiveConfig(module), logs().resolve("aot-training"), aot.record(app, module))) {
                trainingRun = training;
                training.awaitReady(Duration.ofMinutes(2));
            } catch (RuntimeException e) {
                System.err.println("AOT training of " + module + " failed (it starts without the cache): " + e.getMessage());
            } finally {
                trainingRun = null;
            }
        }), "kasam-aot-training");
        trainer.setDaemon(true);
        trainer.start();
    }

    /** participants-service keeps its data in database "participants", and so on. */
    static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    private void prepareDataDir() {
        try {
            if (options.fresh() && Files.exists(options.dataDir())) {
                try (Stream<Path> files = Files.walk(options.dataDir())) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + options.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private static void requirePortsFree(StackOptions.PortPlan ports) {
        Ports.requireFree(ports.postgres(), "PostgreSQL");
        Ports.requireFree(ports.kafka(), "Kafka");
        Ports.requireFree(ports.kafkaController(), "Kafka controller");
        Ports.requireFree(ports.keycloak(), "Keycloak");
        Ports.requireFree(ports.keycloakManagement(), "Keycloak management");
        Ports.requireFree(ports.participants(), "participants-service");
        Ports.requireFree(ports.workshops(), "workshops-service");
        Ports.requireFree(ports.survey(), "survey-service");
        Ports.requireFree(ports.sickleave(), "sickleave-service");
        Ports.requireFree(ports.evaluation(), EVALUATION);
        Ports.requireFree(ports.gateway(), "gateway");
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * One more live instance of a service, as a second replica on Kubernetes: the same database, consumer groups and
     * jobs. The caller stops it.
     */
    ServiceProcess startReplica(String service) {
        ServiceProcess replica = ServiceProcess.start(options.root(), service, Ports.freePort(), serviceConfig(service),
                logs().resolve("replicas"), aotOptions(service));
        replica.awaitReady(Duration.ofMinutes(2));
        return replica;
    }

    /*
     * The faults the system tests make (FaultsIT): a component stopped and started again in place, on its ports and
     * data directory, as a restarted pod or server comes back.
     */

    synchronized void stopKafka() {
        kafka.close();
    }

    synchronized void startKafka() {
        KafkaServer restarted = KafkaServer.start(options.dataDir().resolve("kafka"), options.ports().kafka(),
                options.ports().kafkaController(), Duration.ofSeconds(90));
        started.set(started.indexOf(kafka), restarted);
        kafka = restarted;
    }

    synchronized void stopPostgres() {
        postgres.close();
    }

    synchronized void startPostgres() {
        PostgresServer restarted = PostgresServer.start(options.dataDir().resolve("postgres"),
                options.dataDir().resolve("postgres-binaries"), options.ports().postgres(), options.durable());
        started.set(started.indexOf(postgres), restarted);
        postgres = restarted;
    }

    synchronized void stopKeycloak() {
        keycloak.close();
    }

    synchronized void startKeycloak() {
        KeycloakServer restarted = KeycloakServer.start(options.keycloakDist(), options.dataDir().resolve("keycloak"),
                options.ports().keycloak(), options.ports().keycloakManagement(),
                options.root().resolve("deploy/local/realm/kasam-realm.json"), Duration.ofMinutes(4));
        started.set(started.indexOf(keycloak), restarted);
        keycloak = restarted;
    }

    /** SIGKILL to a service: nothing of its own shutdown runs. */
    synchronized void kill(String service) {
        services.get(service).kill();
    }

    synchronized boolean isRunning(String service) {
        return services.get(service).isAlive();
    }

    /** A killed (or stopped) service started again on its port with its configuration. */
    synchronized void restart(String service) {
        ServiceProcess old = services.get(service);
        ServiceProcess process = ServiceProcess.start(options.root(), service, servicePorts().get(service),
                serviceConfig(service), logs(), aotOptions(service));
        started.set(started.indexOf(old), process);
        services.put(service, process);
        process.awaitReady(Duration.ofMinutes(2));
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String serviceUrl(String service) {
        return services.get(service).url();
    }

    public long pid(String service) {
        return services.get(service).pid();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** Component to the time it took from its start to ready. */
    public Map<String, Duration> readyAfter() {
        return readyAfter;
    }

    @Override
    public synchronized void close() {
        if (Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is exiting: the hook runs close() too, and finds nothing left to stop
            }
        }
        closing = true;
        ServiceProcess training = trainingRun;
        if (training != null) {
            training.close();
        }
        // the apps first, all at once (a JVM may take a while writing its AOT cache), then what they need
        services.values().parallelStream().forEach(this::closeQuietly);
        for (int i = started.size() - 1; i >= 0; i--) {
            if (!services.containsValue(started.get(i))) {
                closeQuietly(started.get(i));
            }
        }
        started.clear();
        services.clear();
    }

    private void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            System.err.println("stopping " + component + " failed: " + e.getMessage());
        }
    }
}
