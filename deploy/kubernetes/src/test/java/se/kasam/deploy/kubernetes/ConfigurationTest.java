package se.kasam.deploy.kubernetes;

import static se.kasam.deploy.kubernetes.Manifests.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the apps are configured with: every Secret and ConfigMap reference, every setting an app needs, the realm import, tracing. (Manifests renders and parses.) */
class ConfigurationTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void secretAndConfigMapReferencesResolve(Variant variant) throws IOException {
        Render render = render(variant);
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
        for (Doc doc : render.docs()) {
            if (doc.typed() instanceof GenericKubernetesResource) {
                walk(doc.raw(), "", (path, node) -> {
                    if (path.matches("/spec/(db/(usernameSecret|passwordSecret)|placeholders/[^/]+/secret|configuration/s3Credentials/[^/]+)")) {
                        reference(problems, doc + ": " + path, "Secret", secrets, node.path("name").asText(null), node.path("key").asText(null));
                    }
                });
            }
        }
        for (Doc keycloak : render.ofKind("Keycloak")) {
            JsonNode db = keycloak.raw().at("/spec/db");
            String host = db.path("host").asText();
            String cluster = host.endsWith("-rw") ? host.substring(0, host.length() - 3) : host;
            Optional<Doc> found = render.find("Cluster", cluster);
            if (found.isEmpty() || !found.get().raw().at("/spec/bootstrap/initdb/database").asText().equals(db.path("database").asText())) {
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
        Render render = render(variant);
        Problems problems = new Problems(variant);
        Map<String, Service> services = render.all(Service.class).stream().collect(Collectors.toMap(Manifests::name, s -> s));
        for (App app : apps(render, problems)) {
            Map<String, Setting> env = app.env(render);
            String where = "Deployment " + app.name();
            for (Map.Entry<String, String> need : app.needed().entrySet()) {
                String variable = need.getKey();
                Setting setting = env.get(variable);
                if (setting == null) {
                    problems.add(where + ": " + need.getValue() + " needs " + variable + " (env or an envFrom ConfigMap), which is not set");
                    continue;
                }
                if (setting.value() != null && setting.value().isBlank()) {
                    problems.add(where + ": " + variable + " is empty");
                }
                String value = setting.value();
                if (variable.equals("QUARKUS_DATASOURCE_JDBC_URL")) {
                    Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/(\\w+)(\\?.*)?").matcher(String.valueOf(value));
                    Optional<Doc> cluster = url.matches() ? render.find("Cluster", url.group(1)) : Optional.empty();
                    if (cluster.isEmpty() || !cluster.get().raw().at("/spec/bootstrap/initdb/database").asText().equals(url.group(2))) {
                        problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + value + " names no <cluster>-rw:5432/<database> of a Cluster here");
                    } else {
                        String database = url.group(1);
                        boolean reachable = render.all(NetworkPolicy.class).stream()
                                .filter(np -> matches(np.getSpec().getPodSelector(), app.deployment().getSpec().getTemplate().getMetadata().getLabels()))
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
                            if (from == null || !"Secret".equals(from.fromKind()) || !(url.group(1) + "-app").equals(from.fromName())
                                    || !key.equals(from.fromKey())) {
                                problems.add(where + ": " + credential + " does not come from key " + key + " of the Secret "
                                        + url.group(1) + "-app of its Cluster");
                            }
                        }
                    }
                } else if (variable.equals("QUARKUS_OIDC_AUTH_SERVER_URL")) {
                    Matcher url = Pattern.compile("http://([a-z0-9-]+)-service:8080/realms/([\\w-]+)").matcher(String.valueOf(value));
                    String realm = render.ofKind("KeycloakRealmImport").stream().map(d -> d.raw().at("/spec/realm/realm").asText())
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
        Render render = render(variant);
        Problems problems = new Problems(variant);
        List<Doc> imports = render.ofKind("KeycloakRealmImport");
        if (imports.size() != 1) {
            problems.add("expected one KeycloakRealmImport, found " + imports);
            problems.assertNone();
        }
        Doc doc = imports.get(0);
        JsonNode spec = doc.raw().path("spec");
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
            if (client.hasNonNull("secret") && render.text().contains(client.path("secret").asText())) {
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
                    .filter(Objects::nonNull).flatMap(s -> Stream.of(String.valueOf(s.value()).split(","))).collect(Collectors.toSet());
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
        Render render = render(Variant.DEV_TRACING);
        for (App app : apps(render, problems)) {
            Map<String, Setting> env = app.env(render);
            if (env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null || !"parentbased_always_on".equals(valueOf(env, "QUARKUS_OTEL_TRACES_SAMPLER"))) {
                problems.add("Deployment " + app.name() + ": no OTLP endpoint or sampler from components/tracing");
            }
        }
        for (App app : apps(render(Variant.DEV), problems)) {
            if (app.env(render(Variant.DEV)).containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")) {
                problems.add("overlays/dev without the component: Deployment " + app.name() + " has an OTLP endpoint");
            }
        }
        problems.assertNone();
    }
}
