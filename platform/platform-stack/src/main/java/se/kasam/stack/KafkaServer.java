package se.kasam.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka broker (KRaft, one node as broker and controller) in its own JVM, with the classpath the
 * kafka-broker module resolved, so its jars never meet a service's.
 */
public final class KafkaServer implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;

    private KafkaServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaServer start(Path dir, int port, int controllerPort, Duration timeout) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        try {
            Path logDirs = dir.resolve("data");
            Files.createDirectories(logDirs);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(logDirs, port, controllerPort));
            String classpath = brokerClasspath();
            List<String> jvm = List.of(ManagedProcess.java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Djava.awt.headless=true", "-cp", classpath);
            Path log = dir.resolve("kafka.log");
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                List<String> format = new ArrayList<>(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                        config.toString(), "--standalone"));
                Process formatting = new ProcessBuilder(format).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed; see " + log);
                }
            }
            List<String> run = new ArrayList<>(jvm);
            run.addAll(List.of("kafka.Kafka", config.toString()));
            ManagedProcess broker = ManagedProcess.start("kafka", run, dir, Map.of(), log);
            KafkaServer server = new KafkaServer(broker, port);
            try {
                Wait.until("Kafka", timeout, () -> {
                    broker.requireAlive();
                    return server.answers();
                });
            } catch (RuntimeException | Error e) {
                broker.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    private boolean answers() {
        if (!Ports.isListening(port)) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        // Kafka loads its config classes through the context class loader: under a Quarkus test restarted for
        // another profile, that loader is not this class's, and the client would never be made
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaServer.class.getClassLoader());
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private static String serverProperties(Path logDirs, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.min.compaction.lag.ms=0",
                "") ;
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaServer.class.getResourceAsStream("/se/kasam/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath missing: build platform/kafka-broker first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** A base64 uuid of 22 characters, as Kafka wants; never starting with '-', which its CLI would take for an option. */
    static String clusterId() {
        return clusterId(UUID::randomUUID);
    }

    /** Draws from {@code uuids} until one does not encode to a leading '-' (one in 64 would). */
    static String clusterId(Supplier<UUID> uuids) {
        String id;
        do {
            UUID uuid = uuids.get();
            byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    @Override
    public void close() {
        process.close();
    }
}
