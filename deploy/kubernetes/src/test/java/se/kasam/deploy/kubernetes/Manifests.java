package se.kasam.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.fail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests as a cluster would receive them: each variant is rendered with {@code kubectl kustomize}
 * (kustomize v5, built into kubectl), every document is parsed into a typed model (fabric8's Kubernetes and
 * Prometheus Operator models, Strimzi's API) or, for CloudNativePG and the Keycloak Operator, deliberately into
 * {@link GenericKubernetesResource}; a kind that is neither fails. The checks then hold the render against the
 * services' {@code application.properties} and the local realm ({@code deploy/local/realm/kasam-realm.json}).
 *
 * <p>Every check collects all its problems and names the variant and the document of each. kubectl must be on the
 * PATH ({@code .ci/run} installs it when missing): without it the tests fail, they are never skipped.
 * {@code -Dkasam.kubernetes.dir=<copy of deploy/kubernetes>} runs them on another tree, {@code -Dkasam.root} names
 * the repository whose services and realm they read.
 *
 * <p>This class renders and parses, and holds what the checks share; the checks are in {@link ModelsTest},
 * {@link WorkloadsTest}, {@link KafkaManifestsTest} and {@link ConfigurationTest}.
 */
final class Manifests {

    static final Path K8S = Path.of(System.getProperty("kasam.kubernetes.dir", ".")).toAbsolutePath().normalize();
    static final Path ROOT = Path.of(System.getProperty("kasam.root", "../..")).toAbsolutePath().normalize();
    static final String KUBECTL = System.getProperty("kasam.kubectl", "kubectl");
    static final long KUBECTL_TIMEOUT_SECONDS = 60;

    /** What is rendered: both overlays, and dev with the optional tracing component (as check.py renders it). */
    enum Variant {
        DEV("overlays/dev", null),
        PROD("overlays/prod", null),
        DEV_TRACING("overlays/dev", "components/tracing");

        final String overlay;
        final String component;

        Variant(String overlay, String component) {
            this.overlay = overlay;
            this.component = component;
        }

        boolean prod() {
            return this == PROD;
        }

        @Override
        public String toString() {
            return component == null ? overlay : overlay + " + " + component;
        }
    }

    /** Custom resources without a typed model here: parsed as GenericKubernetesResource on purpose. */
    static final Set<String> GENERIC_KINDS = Set.of(
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 ScheduledBackup",
            "barmancloud.cnpg.io/v1 ObjectStore",
            "k8s.keycloak.org/v2alpha1 Keycloak",
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport");

    /**
     * Secrets that ops create before the first apply (README "Secrets", first table) or that an operator creates
     * under a fixed name, with their keys. Besides these: CloudNativePG's {@code <cluster>-app} and Strimzi's Secret of
     * each KafkaUser.
     */
    static final Map<String, Set<String>> OPS_SECRETS = Map.of(
            "kasam-hr-integration-client", Set.of("client-secret"),
            "kasam-survey-pseudonym", Set.of("secret"),
            "kasam-gateway-tls", Set.of("tls.crt", "tls.key"),
            "kasam-keycloak-tls", Set.of("tls.crt", "tls.key"),
            "kasam-backup-object-store", Set.of("ACCESS_KEY_ID", "ACCESS_SECRET_KEY"));
    /** The keys CloudNativePG writes into {@code <cluster>-app} (README "Secrets", second table). */
    static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "user", "host", "port", "dbname", "pgpass", "uri", "jdbc-uri");
    /** What Strimzi's User Operator writes into the Secret of a SCRAM-SHA-512 KafkaUser (named like the user). */
    static final Set<String> KAFKA_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

    /**
     * The settings of an app that must be overridden in Kubernetes: its datasource, Kafka bootstrap servers, OIDC
     * server, the gateway's routes and the evaluation's REST clients ...
     */
    static final Pattern NEEDED_KEY = Pattern.compile(
            "quarkus\\.datasource\\.(jdbc\\.url|username|password)|kafka\\.bootstrap\\.servers|quarkus\\.oidc\\.auth-server-url"
                    + "|kasam\\.gateway\\.routes\\.[^.]+|quarkus\\.rest-client\\.[^.]+\\.url");
    /** ... and any other whose local default points at this machine. */
    static final Pattern LOCAL_VALUE = Pattern.compile("localhost|127\\.0\\.0\\.1");
    /** A property expression without a default: {@code ${NAME}} must come from the environment. */
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)}");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Variant, Render> RENDERS = new EnumMap<>(Variant.class);

    static {
        // Strimzi's API classes carry @Group/@Version (kafka.strimzi.io/v1) but no service file that registers them
        for (Class<? extends KubernetesResource> type :
                List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class, KafkaUser.class)) {
            SERIALIZATION.registerKubernetesResource(type);
        }
    }

    /** A variant's render; the first call renders all of them, side by side, once for every test class. */
    static synchronized Render render(Variant variant) {
        if (RENDERS.isEmpty()) {
            renderAll();
        }
        return RENDERS.get(variant);
    }

    private static void renderAll() {
        checkKubectl();
        Map<Variant, CompletableFuture<Render>> renders = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            renders.put(variant, CompletableFuture.supplyAsync(() -> parse(variant, kustomize(variant))));
        }
        renders.forEach((variant, render) -> {
            try {
                RENDERS.put(variant, render.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        });
    }

    private Manifests() {
    }

    record Doc(String apiVersion, String kind, String name, JsonNode raw, HasMetadata typed) {
        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    record Render(Variant variant, String text, List<Doc> docs, List<String> untyped) {
        <T extends HasMetadata> List<T> all(Class<T> type) {
            return docs.stream().map(Doc::typed).filter(type::isInstance).map(type::cast).toList();
        }

        List<Doc> ofKind(String kind) {
            return docs.stream().filter(d -> d.kind.equals(kind)).toList();
        }

        Optional<Doc> find(String kind, String name) {
            return docs.stream().filter(d -> d.kind.equals(kind) && d.name.equals(name)).findFirst();
        }

        Set<String> names(String kind) {
            return ofKind(kind).stream().map(Doc::name).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static void checkKubectl() {
        String version = run(List.of(KUBECTL, "version", "--client"));
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)\\.").matcher(version);
        if (!kustomize.find() || Integer.parseInt(kustomize.group(1)) < 5) {
            fail("`" + KUBECTL + " version --client` shows no kustomize v5 or newer (the manifests use components and patch "
                    + "targets by label: kubectl 1.27 or newer is needed; Debian's kubernetes-client 1.20 is too old):\n" + version);
        }
    }

    static String kustomize(Variant variant) {
        if (variant.component == null) {
            return run(List.of(KUBECTL, "kustomize", K8S.resolve(variant.overlay).toString()));
        }
        // a component is added by a kustomization of its own; kustomize wants the paths relative
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kasam-kustomize");
            Files.writeString(dir.resolve("kustomization.yaml"), String.join("\n",
                    "apiVersion: kustomize.config.k8s.io/v1beta1",
                    "kind: Kustomization",
                    "resources:",
                    "  - " + dir.relativize(K8S.resolve(variant.overlay)),
                    "components:",
                    "  - " + dir.relativize(K8S.resolve(variant.component)),
                    ""));
            return run(List.of(KUBECTL, "kustomize", dir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    static String run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("kasam-kubectl", ".out");
            err = Files.createTempFile("kasam-kubectl", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                fail("cannot run `" + String.join(" ", command) + "`: " + e.getMessage() + ". These tests render the manifests "
                        + "with kubectl (kustomize v5 built in) and do not skip without it: install kubectl (.ci/run does: "
                        + "apt-get install kubectl) or point -Dkasam.kubectl=<path> at one.");
                throw e;
            }
            if (!process.waitFor(KUBECTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("`" + String.join(" ", command) + "` did not finish in " + KUBECTL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                fail("`" + String.join(" ", command) + "` failed (exit " + process.exitValue() + "):\n" + Files.readString(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    static Render parse(Variant variant, String text) {
        List<Doc> docs = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        List<JsonNode> nodes;
        try {
            nodes = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
        } catch (IOException e) {
            throw new AssertionError(variant + ": the render is no YAML: " + e.getMessage(), e);
        }
        for (JsonNode raw : nodes) {
            if (raw == null || raw.isNull() || raw.isMissingNode()) {
                continue;
            }
            String apiVersion = raw.path("apiVersion").asText();
            String kind = raw.path("kind").asText();
            String name = raw.at("/metadata/name").asText();
            String label = kind + " " + name + " (" + apiVersion + ")";
            Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
            HasMetadata typed;
            if (GENERIC_KINDS.contains(apiVersion + " " + kind)) {
                typed = SERIALIZATION.convertValue(raw, GenericKubernetesResource.class);
            } else if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
                untyped.add(label + ": no typed model for this kind, and it is not one of the deliberately generic " + GENERIC_KINDS);
                continue;
            } else if (!apiVersion.equals(HasMetadata.getApiVersion(type.asSubclass(HasMetadata.class)))
                    || !kind.equals(HasMetadata.getKind(type.asSubclass(HasMetadata.class)))) {
                untyped.add(label + ": resolved to " + type.getName() + ", which is another kind or version");
                continue;
            } else {
                try {
                    typed = (HasMetadata) SERIALIZATION.convertValue(raw, type);
                } catch (RuntimeException e) {
                    untyped.add(label + ": does not parse as " + type.getName() + ": " + e.getMessage());
                    continue;
                }
            }
            docs.add(new Doc(apiVersion, kind, name, raw, typed));
        }
        return new Render(variant, text, List.copyOf(docs), List.copyOf(untyped));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the apps: a Deployment and its module's application.properties

    /** Where a variable of a Deployment comes from: a literal value, or a key of a Secret or ConfigMap. */
    record Setting(String value, String fromKind, String fromName, String fromKey) {}

    record App(String name, Path module, Properties properties, Deployment deployment) {

        boolean usesKafka() {
            return properties.stringPropertyNames().stream().anyMatch(k -> k.equals("kafka.bootstrap.servers")
                    || k.equals("kasam.kafka.topics") || k.startsWith("mp.messaging."));
        }

        Map<String, Setting> env(Render render) {
            return environment(deployment, render);
        }

        /** Variable -> the key of application.properties that needs it. */
        Map<String, String> needed() {
            Map<String, String> needed = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue; // another profile's value
                }
                String value = properties.getProperty(key);
                if (NEEDED_KEY.matcher(key).matches() || LOCAL_VALUE.matcher(value).find()) {
                    needed.put(envName(key), key);
                }
                Matcher expression = EXPRESSION.matcher(value);
                while (expression.find()) {
                    if (!properties.containsKey(expression.group(1))) {
                        needed.put(envName(expression.group(1)), key + " (${" + expression.group(1) + "})");
                    }
                }
            }
            return needed;
        }

        /** kasam.kafka.topics: the topics the service creates locally, "name" or "name:compact". */
        Map<String, Boolean> listedTopics() {
            Map<String, Boolean> topics = new LinkedHashMap<>();
            for (String entry : properties.getProperty("kasam.kafka.topics", "").split(",")) {
                if (!entry.isBlank()) {
                    String[] parts = entry.trim().split(":");
                    topics.put(parts[0], parts.length > 1 && parts[1].equals("compact"));
                }
            }
            return topics;
        }

        /** The channels' topics: mp.messaging.(incoming|outgoing).*.topic and the dead-letter topics. */
        Set<String> channelTopics() {
            return values("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)");
        }

        Set<String> values(String keyPattern) {
            return properties.stringPropertyNames().stream().filter(k -> k.matches(keyPattern)).map(properties::getProperty)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /**
         * The ACLs the service needs ("type name operation"), as check.py derives them: Write+Describe on what it publishes
         * (its own entries of kasam.kafka.topics, kasam.<service>.*, which the outbox relay sends; its outgoing channels
         * and dead-letter topics), Read+Describe on its incoming channels' topics, Read on their group.id. The topic
         * constants of its Java sources must be among these.
         */
        Set<String> acls(Problems problems) {
            String own = "kasam." + name.replaceFirst("-service$", "") + ".";
            Set<String> write = new TreeSet<>();
            listedTopics().keySet().stream().filter(t -> t.startsWith(own)).forEach(write::add);
            write.addAll(values("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic"));
            write.addAll(values("mp\\.messaging\\.outgoing\\.[^.]+\\.topic"));
            Set<String> read = values("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
            Set<String> groups = values("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id");
            Pattern constant = Pattern.compile("TOPIC\\s*=\\s*\"(kasam\\.[^\"]+)\"");
            try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = constant.matcher(Files.readString(source));
                    while (matcher.find()) {
                        if (!write.contains(matcher.group(1)) && !read.contains(matcher.group(1))) {
                            problems.add(name + ": " + source.getFileName() + " uses topic " + matcher.group(1)
                                    + ", which its application.properties neither publish nor consume");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> acls = new TreeSet<>();
            write.forEach(t -> acls.addAll(List.of("topic " + t + " Write", "topic " + t + " Describe")));
            read.forEach(t -> acls.addAll(List.of("topic " + t + " Read", "topic " + t + " Describe")));
            groups.forEach(g -> acls.add("group " + g + " Read"));
            return acls;
        }
    }

    /** Each Kasam Deployment with its module: {@code <root>/<name>} or {@code <root>/gateway/<name>}. */
    static List<App> apps(Render render, Problems problems) {
        List<App> apps = new ArrayList<>();
        for (Deployment deployment : render.all(Deployment.class)) {
            String name = name(deployment);
            Optional<Path> module = Stream.of(ROOT.resolve(name), ROOT.resolve("gateway").resolve(name))
                    .filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.properties"))).findFirst();
            if (module.isEmpty()) {
                problems.add("Deployment " + name + ": no module " + name + " or gateway/" + name + " with an application.properties");
                continue;
            }
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(module.get().resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            apps.add(new App(name, module.get(), properties, deployment));
        }
        return apps;
    }

    /** The variables a Deployment's (first) container gets: envFrom ConfigMaps (their data), then env (which wins). */
    static Map<String, Setting> environment(Deployment deployment, Render render) {
        Map<String, Setting> env = new TreeMap<>();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                render.all(ConfigMap.class).stream().filter(cm -> name(cm).equals(source.getConfigMapRef().getName()))
                        .flatMap(cm -> Optional.ofNullable(cm.getData()).orElse(Map.of()).entrySet().stream())
                        .forEach(e -> env.put(Objects.requireNonNullElse(source.getPrefix(), "") + e.getKey(),
                                new Setting(e.getValue(), "ConfigMap", source.getConfigMapRef().getName(), e.getKey())));
            }
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            var from = variable.getValueFrom();
            if (from == null) {
                env.put(variable.getName(), new Setting(Objects.requireNonNullElse(variable.getValue(), ""), null, null, null));
            } else if (from.getSecretKeyRef() != null) {
                env.put(variable.getName(), new Setting(null, "Secret", from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey()));
            } else if (from.getConfigMapKeyRef() != null) {
                env.put(variable.getName(), new Setting(null, "ConfigMap", from.getConfigMapKeyRef().getName(),
                        from.getConfigMapKeyRef().getKey()));
            } else {
                env.put(variable.getName(), new Setting(null, "field", null, null));
            }
        }
        return env;
    }

    /** The Quarkus environment-variable form of a configuration key: upper case, every other character an underscore. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    static final class Problems {
        final Variant variant;
        final List<String> messages = new ArrayList<>();

        Problems(Variant variant) {
            this.variant = variant;
        }

        void add(String message) {
            messages.add(message);
        }

        void add(Doc doc, String message) {
            messages.add(doc + ": " + message);
        }

        void assertNone() {
            if (!messages.isEmpty()) {
                fail(variant + ": " + messages.size() + " problem(s):\n  - " + String.join("\n  - ", messages));
            }
        }
    }

    static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    static Set<String> names(Collection<? extends HasMetadata> resources) {
        return resources.stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
    }

    static String label(HasMetadata resource, String label) {
        return Optional.ofNullable(resource.getMetadata().getLabels()).map(l -> l.get(label)).orElse(null);
    }

    static List<Container> containers(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
        return containers;
    }

    static boolean hasPort(Container container, IntOrString port) {
        List<ContainerPort> ports = Optional.ofNullable(container.getPorts()).orElse(List.of());
        return port.getStrVal() != null ? ports.stream().anyMatch(p -> port.getStrVal().equals(p.getName()))
                : ports.stream().anyMatch(p -> Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    static String portText(IntOrString port) {
        return port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        Map<String, String> actual = Objects.requireNonNullElse(labels, Map.of());
        return selector != null && !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = Objects.requireNonNullElse(labels, Map.of());
        Map<String, String> matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        List<LabelSelectorRequirement> expressions = Objects.requireNonNullElse(selector.getMatchExpressions(), List.of());
        if (matchLabels.isEmpty() && expressions.isEmpty()) {
            return false; // selects everything: never meant here
        }
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())))
                && expressions.stream().allMatch(r -> switch (r.getOperator()) {
                    case "In" -> r.getValues().contains(actual.get(r.getKey()));
                    case "NotIn" -> !r.getValues().contains(actual.get(r.getKey()));
                    case "Exists" -> actual.containsKey(r.getKey());
                    case "DoesNotExist" -> !actual.containsKey(r.getKey());
                    default -> throw new IllegalArgumentException("selector operator " + r.getOperator());
                });
    }

    static List<String> selectedDeployments(List<Deployment> deployments, LabelSelector selector) {
        return deployments.stream().filter(d -> matches(selector, d.getSpec().getTemplate().getMetadata().getLabels()))
                .map(Manifests::name).toList();
    }

    /** Nodes with the broker role per Kafka cluster. */
    static Map<String, Integer> brokers(Render render) {
        Map<String, Integer> brokers = new TreeMap<>();
        for (KafkaNodePool pool : render.all(KafkaNodePool.class)) {
            if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) {
                brokers.merge(label(pool, "strimzi.io/cluster"), pool.getSpec().getReplicas(), Integer::sum);
            }
        }
        return brokers;
    }

    static Optional<String> imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("is empty");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        int colon = image.lastIndexOf(':');
        if (colon <= image.lastIndexOf('/')) {
            return Optional.of("has no tag (that is latest)");
        }
        return image.substring(colon + 1).equals("latest") ? Optional.of("has the tag latest") : Optional.empty();
    }

    static String valueOf(Map<String, Setting> env, String variable) {
        return env.containsKey(variable) ? env.get(variable).value : null;
    }

    static Set<String> keys(Map<String, String> first, Map<String, String> second) {
        Set<String> keys = new TreeSet<>();
        Optional.ofNullable(first).ifPresent(m -> keys.addAll(m.keySet()));
        Optional.ofNullable(second).ifPresent(m -> keys.addAll(m.keySet()));
        return keys;
    }

    static void reference(Problems problems, String where, String kind, Map<String, Set<String>> known, String name, String key) {
        if (name == null || !known.containsKey(name)) {
            problems.add(where + ": " + kind + " " + name + " is not in the render" + (kind.equals("Secret")
                    ? ", and neither an operator nor ops make it (README.md, Secrets)" : ""));
        } else if (key != null && !known.get(name).contains(key)) {
            problems.add(where + ": " + kind + " " + name + " has no key " + key + " (it has " + known.get(name) + ")");
        }
    }

    static String resourceName(AclRuleResource resource) {
        return switch (resource) {
            case AclRuleTopicResource topic -> topic.getName();
            case AclRuleGroupResource group -> group.getName();
            case AclRuleTransactionalIdResource id -> id.getName();
            default -> "kafka-cluster";
        };
    }

    static AclResourcePatternType patternType(AclRuleResource resource) {
        return switch (resource) {
            case AclRuleTopicResource topic -> topic.getPatternType();
            case AclRuleGroupResource group -> group.getPatternType();
            case AclRuleTransactionalIdResource id -> id.getPatternType();
            default -> null;
        };
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> difference = new TreeSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    /** Every node of a tree with its JSON pointer. */
    static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visitor) {
        visitor.accept(path, node);
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }

    /** The JSON pointers where two trees differ (objects by key, arrays by index). */
    static void diff(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (!actual.has(key)) {
                    out.add(path + "/" + key + " (missing in the import)");
                } else if (!expected.has(key)) {
                    out.add(path + "/" + key + " (not in the local realm)");
                } else {
                    diff(expected.get(key), actual.get(key), path + "/" + key, out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + " (" + expected.size() + " entries expected, " + actual.size() + " imported)");
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                diff(expected.get(i), actual.get(i), path + "/" + i, out);
            }
        } else if (!equalValues(expected, actual)) {
            out.add(path + " (expected " + expected + ", imported " + actual + ")");
        }
    }

    static boolean equalValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    static Map<String, ObjectNode> byKey(ArrayNode items, String field) {
        Map<String, ObjectNode> map = new TreeMap<>();
        items.forEach(item -> map.put(item.path(field).asText(), (ObjectNode) item));
        return map;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    /**
     * The fields a typed model kept aside because it has no property for them (fabric8's and Strimzi's models put
     * unknown fields into {@code additionalProperties}), with their path.
     */
    static void unknownFields(Object value, String path, IdentityHashMap<Object, Boolean> seen, List<String> out) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "/" + k, seen, out));
            return;
        }
        if (value instanceof Collection<?> collection) {
            Iterator<?> items = collection.iterator();
            for (int i = 0; items.hasNext(); i++) {
                unknownFields(items.next(), path + "/" + i, seen, out);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!(type.startsWith("io.fabric8.") || type.startsWith("io.strimzi.")) || value.getClass().isEnum()
                || value instanceof GenericKubernetesResource) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> out.add(path + "/" + k));
                } else {
                    var json = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    String jsonName = json != null && !json.value().isEmpty() ? json.value() : field.getName();
                    unknownFields(fieldValue, path + "/" + jsonName, seen, out);
                }
            }
        }
    }

    static void delete(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
