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
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import io.strimzi.api.kafka.model.user.acl.StrimziAclOperation;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
 */
class ManifestsTest {

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
    static final Map<Variant, Render> RENDERS = new EnumMap<>(Variant.class);

    static {
        // Strimzi's API classes carry @Group/@Version (kafka.strimzi.io/v1) but no service file that registers them
        for (Class<? extends KubernetesResource> type :
                List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class, KafkaUser.class)) {
            SERIALIZATION.registerKubernetesResource(type);
        }
    }

    @BeforeAll
    static void render() {
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

    // ---------------------------------------------------------------------------------------------------------------
    // the checks

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void everyDocumentHasATypedModelAndTheNamespace(Variant variant) {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        render.untyped.forEach(problems::add);
        List<Namespace> namespaces = render.all(Namespace.class);
        if (namespaces.size() != 1) {
            problems.add("the overlay should create exactly one Namespace, not " + names(namespaces));
        }
        String namespace = namespaces.isEmpty() ? null : namespaces.get(0).getMetadata().getName();
        for (Doc doc : render.docs) {
            if (!(doc.typed instanceof Namespace) && !Objects.equals(doc.typed.getMetadata().getNamespace(), namespace)) {
                problems.add(doc, "is in namespace " + doc.typed.getMetadata().getNamespace() + ", not " + namespace);
            }
        }
        problems.assertNone();
    }

    /** A field the typed model does not know (a typo, a field of another API version) is kept aside by the model. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void typedDocumentsHaveNoFieldTheirModelDoesNotKnow(Variant variant) {
        Problems problems = new Problems(variant);
        for (Doc doc : RENDERS.get(variant).docs) {
            if (!(doc.typed instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                unknownFields(doc.typed, "", new IdentityHashMap<>(), unknown);
                unknown.forEach(field -> problems.add(doc, "has a field its model (" + doc.typed.getClass().getSimpleName()
                        + ") does not know: " + field));
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void containersHaveStartupLivenessAndReadinessProbes(Variant variant) {
        Problems problems = new Problems(variant);
        for (Deployment deployment : RENDERS.get(variant).all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = "Deployment " + name(deployment) + ", container " + container.getName();
                Map<String, Probe> probes = new LinkedHashMap<>();
                probes.put("startupProbe", container.getStartupProbe());
                probes.put("livenessProbe", container.getLivenessProbe());
                probes.put("readinessProbe", container.getReadinessProbe());
                probes.forEach((kind, probe) -> {
                    if (probe == null) {
                        problems.add(where + ": no " + kind);
                    } else if (probe.getHttpGet() == null && probe.getTcpSocket() == null && probe.getExec() == null
                            && probe.getGrpc() == null) {
                        problems.add(where + ": " + kind + " has no handler");
                    } else if (probe.getHttpGet() != null && !hasPort(container, probe.getHttpGet().getPort())) {
                        problems.add(where + ": " + kind + " probes port " + portText(probe.getHttpGet().getPort())
                                + ", which the container does not declare");
                    }
                });
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void containersHaveResourceRequestsAndLimits(Variant variant) {
        Problems problems = new Problems(variant);
        for (Deployment deployment : RENDERS.get(variant).all(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String where = "Deployment " + name(deployment) + ", container " + container.getName();
                Map<String, Quantity> requests = container.getResources() == null ? Map.of()
                        : Objects.requireNonNullElse(container.getResources().getRequests(), Map.of());
                Map<String, Quantity> limits = container.getResources() == null ? Map.of()
                        : Objects.requireNonNullElse(container.getResources().getLimits(), Map.of());
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests.get(resource);
                    Quantity limit = limits.get(resource);
                    if (request == null) {
                        problems.add(where + ": no " + resource + " request");
                    }
                    if (limit == null) {
                        problems.add(where + ": no " + resource + " limit");
                    }
                    if (request != null && limit != null
                            && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        problems.add(where + ": " + resource + " request " + request + " above its limit " + limit);
                    }
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void containersRunAsNonRootOnAReadOnlyRootFilesystem(Variant variant) {
        Problems problems = new Problems(variant);
        for (Deployment deployment : RENDERS.get(variant).all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
            for (Container container : containers(deployment)) {
                String where = "Deployment " + name(deployment) + ", container " + container.getName();
                SecurityContext context = Objects.requireNonNullElseGet(container.getSecurityContext(), SecurityContext::new);
                Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    problems.add(where + ": runAsNonRoot is not true (pod or container securityContext)");
                }
                if (user != null && user == 0) {
                    problems.add(where + ": runAsUser 0");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void imagesArePinnedAndSetByTheOverlay(Variant variant) {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        for (Deployment deployment : render.all(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String where = "Deployment " + name(deployment) + ", container " + container.getName();
                imageProblem(container.getImage()).ifPresent(p -> problems.add(where + ": image " + container.getImage() + " " + p));
                if (container.getImage() != null && container.getImage().startsWith("kasam/")) {
                    problems.add(where + ": image " + container.getImage() + " is the base's placeholder (no `images:` entry in the overlay)");
                }
            }
        }
        // images the operators' resources may set (Keycloak spec.image, Kafka spec.kafka.image, Cluster spec.imageName, ...)
        for (Doc doc : render.docs) {
            if (!(doc.typed instanceof Deployment)) {
                walk(doc.raw, "", (path, node) -> {
                    if (path.matches(".*/(image|imageName)") && node.isTextual()) {
                        imageProblem(node.asText()).ifPresent(p -> problems.add(doc, path + " " + node.asText() + " " + p));
                    }
                });
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void servicesSelectThePodsOfExactlyOneDeployment(Variant variant) {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        List<Deployment> deployments = render.all(Deployment.class);
        for (Deployment deployment : deployments) {
            List<String> selected = selectedDeployments(deployments, deployment.getSpec().getSelector());
            if (!selected.equals(List.of(name(deployment)))) {
                problems.add("Deployment " + name(deployment) + ": its selector matches the pods of " + selected);
            }
        }
        for (Service service : render.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                problems.add("Service " + name(service) + " has no selector");
                continue;
            }
            List<Deployment> selected = deployments.stream()
                    .filter(d -> matches(selector, d.getSpec().getTemplate().getMetadata().getLabels())).toList();
            if (selected.size() != 1) {
                problems.add("Service " + name(service) + ": its selector " + selector + " matches the pods of " + names(selected)
                        + ", not of exactly one Deployment");
                continue;
            }
            Container container = selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                if (!hasPort(container, target)) {
                    problems.add("Service " + name(service) + ": targetPort " + portText(target) + " is no port of Deployment "
                            + name(selected.get(0)));
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void budgetsAutoscalersPoliciesMonitorsAndIngressesTargetWhatExists(Variant variant) {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        List<Deployment> deployments = render.all(Deployment.class);
        List<Service> services = render.all(Service.class);
        Set<String> deploymentNames = deployments.stream().map(ManifestsTest::name).collect(Collectors.toSet());
        Map<String, Integer> minReplicas = new TreeMap<>();

        for (HorizontalPodAutoscaler hpa : render.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"apps/v1".equals(target.getApiVersion()) || !"Deployment".equals(target.getKind())
                    || !deploymentNames.contains(target.getName())) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + " targets " + target.getApiVersion() + " "
                        + target.getKind() + " " + target.getName() + ", which is not a Deployment here");
                continue;
            }
            int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
            if (min > hpa.getSpec().getMaxReplicas()) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + ": minReplicas " + min + " above maxReplicas");
            }
            if (minReplicas.put(target.getName(), min) != null) {
                problems.add("Deployment " + target.getName() + " has more than one HorizontalPodAutoscaler");
            }
        }
        Map<String, Integer> budgets = new TreeMap<>();
        for (PodDisruptionBudget pdb : render.all(PodDisruptionBudget.class)) {
            List<String> selected = selectedDeployments(deployments, pdb.getSpec().getSelector());
            if (selected.size() != 1) {
                problems.add("PodDisruptionBudget " + name(pdb) + " selects the pods of " + selected + ", not of exactly one Deployment");
                continue;
            }
            budgets.merge(selected.get(0), 1, Integer::sum);
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            Integer min = minReplicas.get(selected.get(0));
            if (minAvailable != null && minAvailable.getIntVal() != null && min != null && minAvailable.getIntVal() >= min) {
                problems.add("PodDisruptionBudget " + name(pdb) + ": minAvailable " + minAvailable.getIntVal()
                        + " with as few as " + min + " replica(s) blocks every eviction (node drains)");
            }
        }
        for (Deployment deployment : deployments) {
            String name = name(deployment);
            if (!minReplicas.containsKey(name)) {
                problems.add("Deployment " + name + " has no HorizontalPodAutoscaler");
            }
            if (budgets.getOrDefault(name, 0) != 1) {
                problems.add("Deployment " + name + " has " + budgets.getOrDefault(name, 0) + " PodDisruptionBudgets, not one");
            }
        }

        Set<String> clusters = render.names("Cluster");
        Set<String> kafkas = names(render.all(Kafka.class));
        Set<String> keycloaks = render.names("Keycloak");
        for (NetworkPolicy policy : render.all(NetworkPolicy.class)) {
            if (selectedDeployments(deployments, policy.getSpec().getPodSelector()).isEmpty()) {
                problems.add("NetworkPolicy " + name(policy) + " selects no pod of a Deployment");
            }
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).forEach(rule -> peers.addAll(
                    Optional.ofNullable(rule.getFrom()).orElse(List.of())));
            Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).forEach(rule -> peers.addAll(
                    Optional.ofNullable(rule.getTo()).orElse(List.of())));
            for (NetworkPolicyPeer peer : peers) {
                if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null) {
                    continue; // other namespaces: not in this render
                }
                Map<String, String> labels = Objects.requireNonNullElse(peer.getPodSelector().getMatchLabels(), Map.of());
                if (labels.containsKey("app.kubernetes.io/part-of") || labels.containsKey("app.kubernetes.io/name")) {
                    if (selectedDeployments(deployments, peer.getPodSelector()).isEmpty()) {
                        problems.add("NetworkPolicy " + name(policy) + ": peer " + labels + " matches no pod of a Deployment");
                    }
                } else if (labels.containsKey("cnpg.io/cluster")) {
                    if (!clusters.contains(labels.get("cnpg.io/cluster"))) {
                        problems.add("NetworkPolicy " + name(policy) + ": peer " + labels + ": no Cluster " + labels.get("cnpg.io/cluster"));
                    }
                } else if (labels.containsKey("strimzi.io/cluster")) {
                    if (!kafkas.contains(labels.get("strimzi.io/cluster"))) {
                        problems.add("NetworkPolicy " + name(policy) + ": peer " + labels + ": no Kafka " + labels.get("strimzi.io/cluster"));
                    }
                } else if ("keycloak".equals(labels.get("app"))) {
                    if (!keycloaks.contains(labels.get("app.kubernetes.io/instance"))) {
                        problems.add("NetworkPolicy " + name(policy) + ": peer " + labels + ": no Keycloak "
                                + labels.get("app.kubernetes.io/instance"));
                    }
                } else {
                    problems.add("NetworkPolicy " + name(policy) + ": peer " + labels + " is none of the pods this test knows");
                }
            }
        }

        Set<String> monitored = new TreeSet<>();
        for (ServiceMonitor monitor : render.all(ServiceMonitor.class)) {
            if (monitor.getSpec().getNamespaceSelector() != null) {
                problems.add("ServiceMonitor " + name(monitor) + " has a namespaceSelector (the base is namespace-agnostic)");
            }
            List<Service> selected = services.stream()
                    .filter(s -> matches(monitor.getSpec().getSelector(), s.getMetadata().getLabels())).toList();
            if (selected.size() != 1) {
                problems.add("ServiceMonitor " + name(monitor) + " selects the Services " + names(selected) + ", not exactly one");
                continue;
            }
            Service service = selected.get(0);
            Set<String> ports = service.getSpec().getPorts().stream().map(ServicePort::getName).collect(Collectors.toSet());
            monitor.getSpec().getEndpoints().forEach(endpoint -> {
                if (!ports.contains(endpoint.getPort())) {
                    problems.add("ServiceMonitor " + name(monitor) + ": Service " + name(service) + " has no port " + endpoint.getPort());
                }
            });
            deployments.stream().filter(d -> matches(service.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                    .forEach(d -> monitored.add(name(d)));
        }
        for (Deployment deployment : deployments) {
            if (!monitored.contains(name(deployment))) {
                problems.add("Deployment " + name(deployment) + ": no ServiceMonitor scrapes a Service of it");
            }
        }
        for (PodMonitor monitor : render.all(PodMonitor.class)) {
            Map<String, String> labels = Objects.requireNonNullElse(monitor.getSpec().getSelector().getMatchLabels(), Map.of());
            boolean exporter = render.all(Kafka.class).stream().anyMatch(kafka -> kafka.getSpec().getKafkaExporter() != null
                    && (name(kafka) + "-kafka-exporter").equals(labels.get("strimzi.io/name"))
                    && name(kafka).equals(labels.get("strimzi.io/cluster")));
            if (!exporter && selectedDeployments(deployments, monitor.getSpec().getSelector()).isEmpty()) {
                problems.add("PodMonitor " + name(monitor) + " selects " + labels
                        + ": neither a Deployment's pods nor the Kafka Exporter of a Kafka with spec.kafkaExporter");
            }
        }

        Map<String, Service> servicesByName = services.stream().collect(Collectors.toMap(ManifestsTest::name, s -> s));
        for (Ingress ingress : render.all(Ingress.class)) {
            Set<String> tlsHosts = Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).stream()
                    .flatMap(tls -> tls.getHosts().stream()).collect(Collectors.toSet());
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (!tlsHosts.contains(rule.getHost())) {
                    problems.add("Ingress " + name(ingress) + ": host " + rule.getHost() + " has no TLS entry");
                }
                for (var path : rule.getHttp().getPaths()) {
                    IngressBackend backend = path.getBackend();
                    String target = backend.getService().getName();
                    if (keycloaks.stream().anyMatch(k -> (k + "-service").equals(target))) {
                        continue; // the Keycloak Operator's Service
                    }
                    Service service = servicesByName.get(target);
                    var port = backend.getService().getPort();
                    if (service == null) {
                        problems.add("Ingress " + name(ingress) + ": path " + path.getPath() + " goes to Service " + target + ", which is not here");
                    } else if (service.getSpec().getPorts().stream().noneMatch(p -> port.getName() != null
                            ? port.getName().equals(p.getName()) : Objects.equals(port.getNumber(), p.getPort()))) {
                        problems.add("Ingress " + name(ingress) + ": Service " + target + " has no port "
                                + (port.getName() != null ? port.getName() : port.getNumber()));
                    }
                }
            }
        }
        if (render.all(PrometheusRule.class).isEmpty()) {
            problems.add("no PrometheusRule (the alerts)");
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void kafkaTopicsAreThoseTheServicesUseWithTheirCleanupPolicy(Variant variant) {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        Map<String, Boolean> used = new TreeMap<>(); // topic -> compacted
        for (App app : apps(render, problems)) {
            for (Map.Entry<String, Boolean> topic : app.listedTopics().entrySet()) {
                Boolean before = used.put(topic.getKey(), topic.getValue());
                if (before != null && !before.equals(topic.getValue())) {
                    problems.add(app.name + ": kasam.kafka.topics marks " + topic.getKey() + (topic.getValue() ? "" : " not")
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
        Render render = RENDERS.get(variant);
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
        Map<String, KafkaUser> users = render.all(KafkaUser.class).stream().collect(Collectors.toMap(ManifestsTest::name, u -> u));
        Set<String> kafkaApps = new TreeSet<>();
        for (App app : apps(render, problems)) {
            if (!app.usesKafka()) {
                continue;
            }
            kafkaApps.add(app.name);
            Map<String, Setting> env = app.env(render);
            String bootstrap = env.containsKey("KAFKA_BOOTSTRAP_SERVERS") ? env.get("KAFKA_BOOTSTRAP_SERVERS").value : null;
            Matcher address = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap:(\\d+)").matcher(String.valueOf(bootstrap));
            Optional<GenericKafkaListener> listener = address.matches() && address.group(1).equals(name(kafka))
                    ? cluster.getListeners().stream().filter(l -> l.getPort() == Integer.parseInt(address.group(2))).findFirst()
                    : Optional.empty();
            if (listener.isEmpty()) {
                problems.add("Deployment " + app.name + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is no listener of Kafka " + name(kafka));
            } else if (listener.get().getAuth() == null || !"scram-sha-512".equals(listener.get().getAuth().getType())
                    || listener.get().isTls()) {
                problems.add("Kafka " + name(kafka) + ": listener " + listener.get().getName() + " does not take SCRAM-SHA-512 without TLS");
            }
            if (!"SASL_PLAINTEXT".equals(valueOf(env, "KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(valueOf(env, "KAFKA_SASL_MECHANISM"))) {
                problems.add("Deployment " + app.name + ": KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM are not SASL_PLAINTEXT/SCRAM-SHA-512");
            }
            Setting jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            if (jaas == null || !"Secret".equals(jaas.fromKind) || !app.name.equals(jaas.fromName) || !"sasl.jaas.config".equals(jaas.fromKey)) {
                problems.add("Deployment " + app.name + ": KAFKA_SASL_JAAS_CONFIG does not come from key sasl.jaas.config of the Secret "
                        + app.name + " (its KafkaUser's)");
            }
            KafkaUser user = users.get(app.name);
            if (user == null) {
                problems.add(app.name + " has no KafkaUser of its name");
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
                problems.add(where + ": ACLs differ from what application.properties of " + app.name + " need: extra "
                        + minus(acls, expected) + ", missing " + minus(expected, acls));
            }
        }
        users.keySet().stream().filter(user -> !kafkaApps.contains(user))
                .forEach(user -> problems.add("KafkaUser " + user + " is no Kafka-using service's"));
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void secretAndConfigMapReferencesResolve(Variant variant) throws IOException {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        String readme = Files.readString(K8S.resolve("README.md"));
        String secretsSection = readme.substring(Math.max(0, readme.indexOf("\n## Secrets")));
        secretsSection = secretsSection.substring(0, Math.max(0, secretsSection.indexOf("\n## ", 4)));
        for (String secret : OPS_SECRETS.keySet()) {
            if (!secretsSection.contains("`" + secret + "`")) {
                problems.add("Secret " + secret + " is not listed in README.md, section Secrets");
            }
        }
        Map<String, Set<String>> configMaps = new TreeMap<>();
        render.all(ConfigMap.class).forEach(cm -> configMaps.put(name(cm), keys(cm.getData(), cm.getBinaryData())));
        Map<String, Set<String>> secrets = new TreeMap<>();
        render.all(Secret.class).forEach(s -> secrets.put(name(s), keys(s.getData(), s.getStringData())));
        render.names("Cluster").forEach(c -> secrets.putIfAbsent(c + "-app", CNPG_APP_SECRET_KEYS));
        render.all(KafkaUser.class).forEach(u -> secrets.putIfAbsent(name(u), KAFKA_USER_SECRET_KEYS));
        render.names("Keycloak").forEach(k -> secrets.putIfAbsent(k + "-initial-admin", Set.of("username", "password")));
        OPS_SECRETS.forEach(secrets::putIfAbsent);

        for (Deployment deployment : render.all(Deployment.class)) {
            String where = "Deployment " + name(deployment);
            for (Container container : containers(deployment)) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var secretRef = env.getValueFrom().getSecretKeyRef();
                    var configMapRef = env.getValueFrom().getConfigMapKeyRef();
                    if (secretRef != null) {
                        reference(problems, where + ": " + env.getName(), "Secret", secrets, secretRef.getName(), secretRef.getKey());
                    } else if (configMapRef != null) {
                        reference(problems, where + ": " + env.getName(), "ConfigMap", configMaps, configMapRef.getName(), configMapRef.getKey());
                    }
                }
                for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    if (source.getConfigMapRef() != null) {
                        reference(problems, where + ": envFrom", "ConfigMap", configMaps, source.getConfigMapRef().getName(), null);
                    }
                    if (source.getSecretRef() != null) {
                        reference(problems, where + ": envFrom", "Secret", secrets, source.getSecretRef().getName(), null);
                    }
                }
            }
            for (Volume volume : Optional.ofNullable(deployment.getSpec().getTemplate().getSpec().getVolumes()).orElse(List.of())) {
                if (volume.getConfigMap() != null) {
                    reference(problems, where + ": volume " + volume.getName(), "ConfigMap", configMaps, volume.getConfigMap().getName(), null);
                }
                if (volume.getSecret() != null) {
                    reference(problems, where + ": volume " + volume.getName(), "Secret", secrets, volume.getSecret().getSecretName(), null);
                }
            }
        }
        for (Ingress ingress : render.all(Ingress.class)) {
            for (var tls : Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of())) {
                for (String key : secrets.containsKey(tls.getSecretName()) ? List.of("tls.crt", "tls.key") : List.of("tls.crt")) {
                    reference(problems, "Ingress " + name(ingress) + ": tls", "Secret", secrets, tls.getSecretName(), key);
                }
            }
        }
        // the operators' resources: Secret references are {name, key} objects at known places
        for (Doc doc : render.docs) {
            if (doc.typed instanceof GenericKubernetesResource) {
                walk(doc.raw, "", (path, node) -> {
                    if (path.matches("/spec/(db/(usernameSecret|passwordSecret)|placeholders/[^/]+/secret|configuration/s3Credentials/[^/]+)")) {
                        reference(problems, doc + ": " + path, "Secret", secrets, node.path("name").asText(null), node.path("key").asText(null));
                    }
                });
            }
        }
        for (Doc keycloak : render.ofKind("Keycloak")) {
            JsonNode db = keycloak.raw.at("/spec/db");
            String host = db.path("host").asText();
            String cluster = host.endsWith("-rw") ? host.substring(0, host.length() - 3) : host;
            Optional<Doc> found = render.find("Cluster", cluster);
            if (found.isEmpty() || !found.get().raw.at("/spec/bootstrap/initdb/database").asText().equals(db.path("database").asText())) {
                problems.add(keycloak, "db " + host + "/" + db.path("database").asText() + " is no <cluster>-rw and database of a Cluster here");
            }
            for (String secret : List.of("usernameSecret", "passwordSecret")) {
                if (!(cluster + "-app").equals(db.path(secret).path("name").asText())) {
                    problems.add(keycloak, "db." + secret + " is not the Secret " + cluster + "-app of its database's Cluster");
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void everySettingAnAppNeedsIsProvided(Variant variant) {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        Map<String, Service> services = render.all(Service.class).stream().collect(Collectors.toMap(ManifestsTest::name, s -> s));
        for (App app : apps(render, problems)) {
            Map<String, Setting> env = app.env(render);
            String where = "Deployment " + app.name;
            for (Map.Entry<String, String> need : app.needed().entrySet()) {
                String variable = need.getKey();
                Setting setting = env.get(variable);
                if (setting == null) {
                    problems.add(where + ": " + need.getValue() + " needs " + variable + " (env or an envFrom ConfigMap), which is not set");
                    continue;
                }
                if (setting.value != null && setting.value.isBlank()) {
                    problems.add(where + ": " + variable + " is empty");
                }
                String value = setting.value;
                if (variable.equals("QUARKUS_DATASOURCE_JDBC_URL")) {
                    Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/(\\w+)(\\?.*)?").matcher(String.valueOf(value));
                    Optional<Doc> cluster = url.matches() ? render.find("Cluster", url.group(1)) : Optional.empty();
                    if (cluster.isEmpty() || !cluster.get().raw.at("/spec/bootstrap/initdb/database").asText().equals(url.group(2))) {
                        problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + value + " names no <cluster>-rw:5432/<database> of a Cluster here");
                    } else {
                        String database = url.group(1);
                        boolean reachable = render.all(NetworkPolicy.class).stream()
                                .filter(np -> matches(np.getSpec().getPodSelector(), app.deployment.getSpec().getTemplate().getMetadata().getLabels()))
                                .flatMap(np -> Optional.ofNullable(np.getSpec().getEgress()).orElse(List.of()).stream())
                                .flatMap(rule -> Optional.ofNullable(rule.getTo()).orElse(List.of()).stream())
                                .anyMatch(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                                        && database.equals(peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster")));
                        if (!reachable) {
                            problems.add(where + ": no NetworkPolicy lets it reach its database's Cluster " + database);
                        }
                        for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                            Setting from = env.get(credential);
                            String key = credential.endsWith("USERNAME") ? "username" : "password";
                            if (from == null || !"Secret".equals(from.fromKind) || !(url.group(1) + "-app").equals(from.fromName)
                                    || !key.equals(from.fromKey)) {
                                problems.add(where + ": " + credential + " does not come from key " + key + " of the Secret "
                                        + url.group(1) + "-app of its Cluster");
                            }
                        }
                    }
                } else if (variable.equals("QUARKUS_OIDC_AUTH_SERVER_URL")) {
                    Matcher url = Pattern.compile("http://([a-z0-9-]+)-service:8080/realms/([\\w-]+)").matcher(String.valueOf(value));
                    String realm = render.ofKind("KeycloakRealmImport").stream().map(d -> d.raw.at("/spec/realm/realm").asText())
                            .findFirst().orElse(null);
                    if (!url.matches() || render.find("Keycloak", url.group(1)).isEmpty() || !url.group(2).equals(realm)) {
                        problems.add(where + ": QUARKUS_OIDC_AUTH_SERVER_URL " + value + " is not http://<keycloak>-service:8080/realms/"
                                + realm + " of a Keycloak here");
                    }
                } else if (variable.startsWith("KASAM_GATEWAY_ROUTES_") || variable.matches("QUARKUS_REST_CLIENT_.+_URL")) {
                    Matcher url = Pattern.compile("http://([a-z0-9-]+):(\\d+)").matcher(String.valueOf(value));
                    Service service = url.matches() ? services.get(url.group(1)) : null;
                    if (service == null || service.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == Integer.parseInt(url.group(2)))) {
                        problems.add(where + ": " + variable + " " + value + " is no http://<service>:<port> of a Service here");
                    }
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void realmImportIsTheLocalRealmWithoutTheDemoParts(Variant variant) throws IOException {
        Render render = RENDERS.get(variant);
        Problems problems = new Problems(variant);
        List<Doc> imports = render.ofKind("KeycloakRealmImport");
        if (imports.size() != 1) {
            problems.add("expected one KeycloakRealmImport, found " + imports);
            problems.assertNone();
        }
        Doc doc = imports.get(0);
        JsonNode spec = doc.raw.path("spec");
        ObjectNode actual = (ObjectNode) spec.path("realm").deepCopy();
        ObjectNode local = (ObjectNode) JSON.readTree(ROOT.resolve("deploy/local/realm/kasam-realm.json").toFile());
        if (render.find("Keycloak", spec.path("keycloakCRName").asText()).isEmpty()) {
            problems.add(doc, "keycloakCRName " + spec.path("keycloakCRName").asText() + " is no Keycloak here");
        }

        // The demo parts, as the local realm has them: its users without a service account (and their credentials), its
        // client kasam-cli, the secrets of its clients. None may be in the import; the secrets nowhere in the render.
        // (The demo passwords are short words such as the realm's name, so they are caught as "credentials" only.)
        String realmText = JSON.writeValueAsString(actual);
        for (JsonNode user : local.path("users")) {
            if (!user.has("serviceAccountClientId") && realmText.contains('"' + user.path("username").asText() + '"')) {
                problems.add(doc, "carries the demo user " + user.path("username").asText());
            }
        }
        if (realmText.contains("kasam-cli")) {
            problems.add(doc, "carries the demo client kasam-cli");
        }
        if (realmText.contains("\"credentials\"")) {
            problems.add(doc, "carries credentials");
        }
        for (JsonNode client : local.path("clients")) {
            if (client.hasNonNull("secret") && render.text.contains(client.path("secret").asText())) {
                problems.add("the local secret of client " + client.path("clientId").asText() + " is in the render");
            }
        }

        // The local realm minus the demo parts (what generate-realm-import.py removes, done again here) ...
        ObjectNode expected = local.deepCopy();
        expected.put("sslRequired", variant.prod() ? "all" : "external");
        ArrayNode users = expected.putArray("users");
        local.path("users").forEach(user -> {
            if (user.has("serviceAccountClientId")) {
                users.add(user);
            }
        });
        ArrayNode clients = expected.putArray("clients");
        local.path("clients").forEach(client -> {
            if (!client.path("clientId").asText().equals("kasam-cli")) {
                clients.add(client.deepCopy());
            }
        });
        // ... the order of the clients aside (the overlays patch kasam-frontend as clients/1) ...
        if (!"kasam-frontend".equals(actual.at("/clients/1/clientId").asText())) {
            problems.add(doc, "clients/1 is not kasam-frontend (the overlays' realm patches change clients/1)");
        }
        Map<String, ObjectNode> expectedClients = byKey(clients, "clientId");
        Map<String, ObjectNode> actualClients = byKey((ArrayNode) actual.withArray("clients"), "clientId");
        JsonNode placeholders = spec.path("placeholders");
        for (Map.Entry<String, ObjectNode> client : expectedClients.entrySet()) {
            ObjectNode imported = actualClients.get(client.getKey());
            if (imported == null) {
                continue; // the comparison below reports it
            }
            // ... a confidential client's secret replaced by a placeholder that the operator fills from a Secret ...
            if (client.getValue().has("secret")) {
                Matcher placeholder = Pattern.compile("\\$\\{(\\w+)}").matcher(imported.path("secret").asText());
                if (!placeholder.matches() || !placeholders.has(placeholder.group(1))) {
                    problems.add(doc, "client " + client.getKey() + ": secret is not a ${PLACEHOLDER} of spec.placeholders");
                } else {
                    client.getValue().set("secret", imported.get("secret"));
                    JsonNode secret = placeholders.path(placeholder.group(1)).path("secret");
                    if (!OPS_SECRETS.getOrDefault(secret.path("name").asText(), Set.of()).contains(secret.path("key").asText())) {
                        problems.add(doc, "placeholder " + placeholder.group(1) + " comes from " + secret + ", no Secret README.md lists");
                    }
                }
            }
            // ... the descriptions rewritten for Kubernetes (free text) ...
            client.getValue().remove("description");
            imported.remove("description");
        }
        // ... and kasam-frontend's redirect URIs and web origins set by the overlay instead of the local ones.
        ObjectNode frontend = actualClients.get("kasam-frontend");
        if (frontend != null) {
            Set<String> corsOrigins = render.all(Deployment.class).stream().filter(d -> name(d).equals("gateway"))
                    .map(d -> environment(d, render).get("QUARKUS_HTTP_CORS_ORIGINS"))
                    .filter(Objects::nonNull).flatMap(s -> Stream.of(String.valueOf(s.value).split(","))).collect(Collectors.toSet());
            render.all(Ingress.class).stream().filter(i -> name(i).equals("gateway"))
                    .forEach(i -> i.getSpec().getRules().forEach(r -> corsOrigins.add("https://" + r.getHost())));
            for (String field : List.of("redirectUris", "webOrigins")) {
                List<String> uris = new ArrayList<>();
                frontend.path(field).forEach(uri -> uris.add(uri.asText()));
                if (uris.isEmpty()) {
                    problems.add(doc, "kasam-frontend has no " + field + " (the overlay sets them)");
                }
                for (String uri : uris) {
                    boolean local_ = uri.startsWith("http://localhost:");
                    if (!uri.startsWith("https://") && !(local_ && !variant.prod())) {
                        problems.add(doc, "kasam-frontend " + field + ": " + uri + " is not https" + (variant.prod() ? "" : " nor localhost"));
                    }
                    if (field.equals("webOrigins") && !corsOrigins.contains(uri)) {
                        problems.add(doc, "kasam-frontend web origin " + uri + " is not among the gateway's CORS origins " + corsOrigins);
                    }
                }
                frontend.remove(field);
                expectedClients.get("kasam-frontend").remove(field);
            }
        }
        // users and clients by their name, the rest as it is
        List<String> differences = new ArrayList<>();
        for (String[] list : new String[][] {{"users", "username"}, {"clients", "clientId"}}) {
            Map<String, ObjectNode> want = list[0].equals("clients") ? expectedClients : byKey((ArrayNode) expected.withArray(list[0]), list[1]);
            Map<String, ObjectNode> have = list[0].equals("clients") ? actualClients : byKey((ArrayNode) actual.withArray(list[0]), list[1]);
            for (String key : union(want.keySet(), have.keySet())) {
                if (!have.containsKey(key)) {
                    differences.add("/" + list[0] + ": " + key + " (missing in the import)");
                } else if (!want.containsKey(key)) {
                    differences.add("/" + list[0] + ": " + key + " (not in the local realm, or one of its demo parts)");
                } else {
                    diff(want.get(key), have.get(key), "/" + list[0] + "[" + key + "]", differences);
                }
            }
            expected.remove(list[0]);
            actual.remove(list[0]);
        }
        diff(expected, actual, "", differences);
        differences.stream().limit(20).forEach(d -> problems.add(doc, "spec.realm differs from the local realm without the demo parts at " + d));
        problems.assertNone();
    }

    @Test
    void tracingComponentSetsTheOtlpEndpointForEveryApp() {
        Problems problems = new Problems(Variant.DEV_TRACING);
        Render render = RENDERS.get(Variant.DEV_TRACING);
        for (App app : apps(render, problems)) {
            Map<String, Setting> env = app.env(render);
            if (env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null || !"parentbased_always_on".equals(valueOf(env, "QUARKUS_OTEL_TRACES_SAMPLER"))) {
                problems.add("Deployment " + app.name + ": no OTLP endpoint or sampler from components/tracing");
            }
        }
        for (App app : apps(RENDERS.get(Variant.DEV), problems)) {
            if (app.env(RENDERS.get(Variant.DEV)).containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")) {
                problems.add("overlays/dev without the component: Deployment " + app.name + " has an OTLP endpoint");
            }
        }
        problems.assertNone();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // rendering and parsing

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
        return resources.stream().map(ManifestsTest::name).collect(Collectors.toCollection(TreeSet::new));
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
                .map(ManifestsTest::name).toList();
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
