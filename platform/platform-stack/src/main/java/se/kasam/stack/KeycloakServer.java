package se.kasam.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Keycloak from the keycloak-quarkus-dist artifact: built once for our options, started optimized with the
 * kasam realm imported (an existing realm is kept). The issuer is fixed to http://localhost:PORT whatever host
 * name a caller uses. Its H2 database lives in the stack's own directory, not in the shared distribution.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "kasam";
    private static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true";

    private final ManagedProcess process;
    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KeycloakServer start(Path distribution, Path home, int port, int managementPort, Path realmFile,
                                       Duration timeout) {
        Ports.requireFree(port, "Keycloak");
        Ports.requireFree(managementPort, "Keycloak management");
        try {
            Files.createDirectories(home);
            Map<String, String> env = Map.of(
                    "JAVA_HOME", System.getProperty("java.home"),
                    "JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + home.toAbsolutePath(),
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            Path log = home.resolve("keycloak.log");
            buildOnce(distribution, env, log);
            Path imports = distribution.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("kasam-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            List<String> command = List.of(distribution.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--import-realm", "--cache=local", "--http-enabled=true", "--http-host=127.0.0.1",
                    "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--http-management-port=" + managementPort);
            ManagedProcess keycloak = ManagedProcess.start("keycloak", command, home, env, log);
            try {
                Wait.until("Keycloak", timeout, () -> {
                    keycloak.requireAlive();
                    return Wait.answersOk("http://127.0.0.1:" + managementPort + "/health/ready")
                            && Wait.answersOk("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration");
                });
            } catch (RuntimeException | Error e) {
                keycloak.close();
                throw e;
            }
            return new KeycloakServer(keycloak, port);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public ManagedProcess process() {
        return process;
    }

    /** {@code kc.sh build} takes ~25 s; it is needed once per distribution and set of build options. */
    private static void buildOnce(Path distribution, Map<String, String> env, Path log) throws IOException {
        Path marker = distribution.resolve(".kasam-build-options");
        if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(List.of(BUILD_OPTIONS.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(distribution.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Process build = builder.start();
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
        Files.writeString(marker, BUILD_OPTIONS);
    }

    @Override
    public void close() {
        process.close();
    }
}
