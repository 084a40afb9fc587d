package se.kasam.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service writes or reads, if missing, before its first event is sent: state topics
 * (employees, units, trio groups) must be compacted from the start. On Kubernetes Strimzi KafkaTopic resources
 * own the topics and this is switched off ({@code kasam.kafka.create-topics=false}).
 * Entries of {@code kasam.kafka.topics} are {@code name} or {@code name:compact}.
 */
@ApplicationScoped
public class TopicBootstrap {
    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "kasam.kafka.topics")
    Optional<List<String>> topics;

    @ConfigProperty(name = "kasam.kafka.create-topics", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kasam.kafka.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "kasam.kafka.replication-factor", defaultValue = "1")
    short replicationFactor;

    private volatile boolean done;

    /** Before the messaging connectors subscribe, so a consumer never auto-creates a state topic uncompacted. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            ensureCreated();
        } catch (RuntimeException e) {
            LOG.warnf("Kafka topics not checked at start (%s); the outbox relay tries again", e.getMessage());
        }
    }

    /** Idempotent and cheap once it has succeeded; throws while Kafka cannot be reached. */
    public void ensureCreated() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            if (enabled && topics.isPresent()) {
                create(topics.get());
            }
            done = true;
        }
    }

    private void create(List<String> wanted) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String entry : wanted) {
                String[] parts = entry.strip().split(":");
                if (!existing.contains(parts[0])) {
                    NewTopic topic = new NewTopic(parts[0], partitions, replicationFactor);
                    if (parts.length > 1 && parts[1].equals("compact")) {
                        topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created Kafka topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topics: " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka not reachable to create topics", e);
        }
    }
}
