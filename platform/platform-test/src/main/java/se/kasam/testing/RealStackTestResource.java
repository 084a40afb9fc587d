package se.kasam.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import se.kasam.stack.KafkaServer;
import se.kasam.stack.Ports;
import se.kasam.stack.PostgresServer;

/**
 * Real PostgreSQL and a real Kafka broker for {@code @QuarkusTest}s, started without Docker on random ports,
 * once per test JVM and shared by its test classes (each service gets its own database). Durability is traded
 * for speed here, as tests may.
 */
public class RealStackTestResource implements QuarkusTestResourceLifecycleManager {
    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static Path kafkaDir;

    private String database = "kasam";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the JVM's other test classes; a shutdown hook stops both servers
    }

    public static synchronized KafkaServer kafka() {
        startOnce();
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        startOnce();
        return postgres;
    }

    /** For fault tests: stops the broker; {@link #restartKafka()} brings it back on the same port and data. */
    public static synchronized void stopKafka() {
        kafka.close();
    }

    public static synchronized void restartKafka() {
        kafka = KafkaServer.start(kafkaDir, kafka.port(), Ports.freePort(), Duration.ofSeconds(180));
    }

    private static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is no reason to fail a test run
        }
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        try {
            Path root = Files.createTempDirectory("kasam-test-stack");
            kafkaDir = root.resolve("kafka");
            Path pgBinaries = Path.of(System.getProperty("java.io.tmpdir"), "kasam-embedded-pg");
            int[] ports = Ports.freePorts(3); // chosen together: the two servers start side by side
            CompletableFuture<KafkaServer> broker = CompletableFuture.supplyAsync(() ->
                    KafkaServer.start(kafkaDir, ports[0], ports[1], Duration.ofSeconds(180)));
            postgres = PostgresServer.start(root.resolve("pg"), pgBinaries, ports[2], false);
            kafka = broker.join();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
                deleteTree(root);
            }, "kasam-test-stack-stop"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test stack", e);
        }
    }
}
