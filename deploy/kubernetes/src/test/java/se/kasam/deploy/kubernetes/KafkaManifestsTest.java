package se.kasam.deploy.kubernetes;

import static se.kasam.deploy.kubernetes.Manifests.*;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import io.strimzi.api.kafka.model.user.acl.StrimziAclOperation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Kafka as the services use it: its topics with their cleanup policy, and each service's user with exactly its ACLs. (Manifests renders and parses.) */
class KafkaManifestsTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void kafkaTopicsAreThoseTheServicesUseWithTheirCleanupPolicy(Variant variant) {
        Render render = render(variant);
        Problems problems = new Problems(variant);
        Map<String, Boolean> used = new TreeMap<>(); // topic -> compacted
        for (App app : apps(render, problems)) {
            for (Map.Entry<String, Boolean> topic : app.listedTopics().entrySet()) {
                Boolean before = used.put(topic.getKey(), topic.getValue());
                if (before != null && !before.equals(topic.getValue())) {
                    problems.add(app.name() + ": kasam.kafka.topics marks " + topic.getKey() + (topic.getValue() ? "" : " not")
                            + " compact, another service the other way");
                }
            }
            app.channelTopics().forEach(topic -> used.putIfAbsent(topic, false));
        }
        Set<String> kafkas = names(render.all(Kafka.class));
        Map<String, Integer> brokers = brokers(render);
        Map<String, Boolean> defined = new TreeMap<>();
        for (KafkaTopic topic : render.all(KafkaTopic.class)) {
            String cluster = label(topic, "strimzi.io/cluster");
            if (!kafkas.contains(cluster)) {
                problems.add("KafkaTopic " + name(topic) + " belongs to no Kafka here (strimzi.io/cluster " + cluster + ")");
            }
            Integer replicas = topic.getSpec().getReplicas();
            if (replicas != null && replicas > brokers.getOrDefault(cluster, 0)) {
                problems.add("KafkaTopic " + name(topic) + ": " + replicas + " replicas on " + brokers.getOrDefault(cluster, 0) + " broker(s)");
            }
            String topicName = Objects.requireNonNullElse(topic.getSpec().getTopicName(), name(topic));
            Map<String, Object> config = Objects.requireNonNullElse(topic.getSpec().getConfig(), Map.of());
            if (defined.put(topicName, "compact".equals(String.valueOf(config.get("cleanup.policy")))) != null) {
                problems.add("KafkaTopic " + name(topic) + ": topic " + topicName + " is defined twice");
            }
        }
        used.forEach((topic, compact) -> {
            if (!defined.containsKey(topic)) {
                problems.add("no KafkaTopic for " + topic + ", which a service uses");
            } else if (!defined.get(topic).equals(compact)) {
                problems.add("KafkaTopic " + topic + ": cleanup.policy is " + (defined.get(topic) ? "compact" : "not compact")
                        + ", the services' kasam.kafka.topics say " + (compact ? "compact" : "not compact"));
            }
        });
        defined.keySet().stream().filter(topic -> !used.containsKey(topic))
                .forEach(topic -> problems.add("KafkaTopic " + topic + " is used by no service"));
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void kafkaUsersHaveExactlyTheAclsTheServicesNeed(Variant variant) {
        Render render = render(variant);
        Problems problems = new Problems(variant);
        List<Kafka> kafkas = render.all(Kafka.class);
        if (kafkas.size() != 1) {
            problems.add("expected one Kafka, found " + names(kafkas));
            problems.assertNone();
        }
        Kafka kafka = kafkas.get(0);
        var cluster = kafka.getSpec().getKafka();
        if (cluster.getAuthorization() == null || !"simple".equals(cluster.getAuthorization().getType())) {
            problems.add("Kafka " + name(kafka) + " has no simple authorization (the KafkaUsers' ACLs would not apply)");
        }
        if (kafka.getSpec().getEntityOperator() == null || kafka.getSpec().getEntityOperator().getUserOperator() == null) {
            problems.add("Kafka " + name(kafka) + " has no User Operator (no KafkaUser would get credentials)");
        }
        Map<String, KafkaUser> users = render.all(KafkaUser.class).stream().collect(Collectors.toMap(Manifests::name, u -> u));
        Set<String> kafkaApps = new TreeSet<>();
        for (App app : apps(render, problems)) {
            if (!app.usesKafka()) {
                continue;
            }
            kafkaApps.add(app.name());
            Map<String, Setting> env = app.env(render);
            String bootstrap = env.containsKey("KAFKA_BOOTSTRAP_SERVERS") ? env.get("KAFKA_BOOTSTRAP_SERVERS").value() : null;
            Matcher address = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap:(\\d+)").matcher(String.valueOf(bootstrap));
            Optional<GenericKafkaListener> listener = address.matches() && address.group(1).equals(name(kafka))
                    ? cluster.getListeners().stream().filter(l -> l.getPort() == Integer.parseInt(address.group(2))).findFirst()
                    : Optional.empty();
            if (listener.isEmpty()) {
                problems.add("Deployment " + app.name() + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is no listener of Kafka " + name(kafka));
            } else if (listener.get().getAuth() == null || !"scram-sha-512".equals(listener.get().getAuth().getType())
                    || listener.get().isTls()) {
                problems.add("Kafka " + name(kafka) + ": listener " + listener.get().getName() + " does not take SCRAM-SHA-512 without TLS");
            }
            if (!"SASL_PLAINTEXT".equals(valueOf(env, "KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(valueOf(env, "KAFKA_SASL_MECHANISM"))) {
                problems.add("Deployment " + app.name() + ": KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM are not SASL_PLAINTEXT/SCRAM-SHA-512");
            }
            Setting jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            if (jaas == null || !"Secret".equals(jaas.fromKind()) || !app.name().equals(jaas.fromName()) || !"sasl.jaas.config".equals(jaas.fromKey())) {
                problems.add("Deployment " + app.name() + ": KAFKA_SASL_JAAS_CONFIG does not come from key sasl.jaas.config of the Secret "
                        + app.name() + " (its KafkaUser's)");
            }
            KafkaUser user = users.get(app.name());
            if (user == null) {
                problems.add(app.name() + " has no KafkaUser of its name");
                continue;
            }
            String where = "KafkaUser " + name(user);
            if (!name(kafka).equals(label(user, "strimzi.io/cluster"))) {
                problems.add(where + " belongs to no Kafka here");
            }
            if (user.getSpec().getAuthentication() == null || !"scram-sha-512".equals(user.getSpec().getAuthentication().getType())) {
                problems.add(where + " does not authenticate with scram-sha-512");
            }
            if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple authorization)) {
                problems.add(where + " has no simple authorization");
                continue;
            }
            Set<String> acls = new TreeSet<>();
            for (AclRule rule : authorization.getAcls()) {
                var resource = rule.getResource();
                String resourceName = resourceName(resource);
                AclResourcePatternType patternType = patternType(resource);
                if ((rule.getType() != null && rule.getType() != AclRuleType.ALLOW) || (rule.getHost() != null && !"*".equals(rule.getHost()))
                        || (patternType != null && patternType != AclResourcePatternType.LITERAL)) {
                    problems.add(where + ": ACL on " + resource.getType() + " " + resourceName + " is not an allow of a literal name from any host");
                }
                if (rule.getOperations() == null || rule.getOperations().isEmpty()) {
                    problems.add(where + ": ACL on " + resource.getType() + " " + resourceName + " has no operations");
                    continue;
                }
                for (StrimziAclOperation operation : rule.getOperations()) {
                    acls.add(resource.getType() + " " + resourceName + " " + operation.toValue());
                }
            }
            Set<String> expected = app.acls(problems);
            if (!acls.equals(expected)) {
                problems.add(where + ": ACLs differ from what application.properties of " + app.name() + " need: extra "
                        + minus(acls, expected) + ", missing " + minus(expected, acls));
            }
        }
        users.keySet().stream().filter(user -> !kafkaApps.contains(user))
                .forEach(user -> problems.add("KafkaUser " + user + " is no Kafka-using service's"));
        problems.assertNone();
    }
}
