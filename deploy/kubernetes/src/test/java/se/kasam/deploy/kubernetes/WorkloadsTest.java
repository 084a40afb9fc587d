package se.kasam.deploy.kubernetes;

import static se.kasam.deploy.kubernetes.Manifests.*;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The apps' Deployments and what targets them: probes, resources, security, images, Services, budgets, autoscalers, policies, monitors, ingresses. (Manifests renders and parses.) */
class WorkloadsTest {
    /** Each probe asks the app's own SmallRye Health endpoint of its kind. */
    static final Map<String, String> HEALTH_PATHS = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void containersHaveStartupLivenessAndReadinessProbes(Variant variant) {
        Problems problems = new Problems(variant);
        for (Deployment deployment : render(variant).all(Deployment.class)) {
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
                    } else if (probe.getHttpGet() != null && !HEALTH_PATHS.get(kind).equals(probe.getHttpGet().getPath())) {
                        // readiness is the app's own /q/health/ready (its database): not a path that checks Kafka or the outbox
                        problems.add(where + ": " + kind + " asks " + probe.getHttpGet().getPath() + ", not " + HEALTH_PATHS.get(kind));
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
        for (Deployment deployment : render(variant).all(Deployment.class)) {
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
        for (Deployment deployment : render(variant).all(Deployment.class)) {
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
        Render render = render(variant);
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
        for (Doc doc : render.docs()) {
            if (!(doc.typed() instanceof Deployment)) {
                walk(doc.raw(), "", (path, node) -> {
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
        Render render = render(variant);
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
        Render render = render(variant);
        Problems problems = new Problems(variant);
        List<Deployment> deployments = render.all(Deployment.class);
        List<Service> services = render.all(Service.class);
        Set<String> deploymentNames = deployments.stream().map(Manifests::name).collect(Collectors.toSet());
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

        Map<String, Service> servicesByName = services.stream().collect(Collectors.toMap(Manifests::name, s -> s));
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
}
