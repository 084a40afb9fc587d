package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.stack.Ports;

/** The one-machine run's promises: a clean stop, data kept across a backup and restore, --fresh, and taken ports refused. */
class RestartIT {
    final Path root = Path.of(System.getProperty("kasam.root")).toAbsolutePath();
    final Path keycloakDist = Path.of(System.getProperty("kasam.keycloak.dist"));

    /**
     * Stopped, backed up, restored elsewhere and started there: the unit is kept, and a token the first Keycloak
     * issued is still good (its signing keys came back with its database; a new realm import would have new keys).
     * Then --fresh on the first data directory starts from nothing.
     */
    @Test
    void dataSurvivesABackupAndRestoreAndFreshStartsFromNothing() throws Exception {
        Path data = Files.createTempDirectory("kasam-restart-test");
        StackOptions.PortPlan ports = StackOptions.PortPlan.random();
        StackOptions keep = new StackOptions(root, data, keycloakDist, false, true, false, false, ports);
        Path backup = Files.createTempDirectory("kasam-backup-test").resolve("backup");

        String issuedBefore;
        try (LocalStack stack = LocalStack.start(keep, step -> { })) {
            issuedBefore = new KeycloakTokens(stack.keycloakUrl()).hrIntegration();
            given().auth().oauth2(issuedBefore).contentType(ContentType.JSON).body(Map.of("code", "KEEP", "name", "Kept unit"))
                    .post(stack.gatewayUrl() + "/api/participants/units").then().statusCode(201);
            IllegalStateException running = assertThrows(IllegalStateException.class, () -> Backups.backup(data, backup));
            assertTrue(running.getMessage().contains("stop the stack first"), running.getMessage());
        }
        for (int port : List.of(ports.postgres(), ports.kafka(), ports.keycloak(), ports.participants(), ports.gateway())) {
            assertFalse(Ports.isListening(port), "stopped: nothing listens on " + port);
        }

        Backups.backup(data, backup);
        Path restored = Files.createTempDirectory("kasam-restored-test").resolve("data");
        Backups.restore(backup, restored);
        assertEquals(Files.readString(data.resolve("secrets/survey-pseudonym-secret")),
                Files.readString(restored.resolve("secrets/survey-pseudonym-secret")), "the survey's key came back");
        try (LocalStack stack = LocalStack.start(new StackOptions(root, restored, keycloakDist, false, true, false, false, ports),
                step -> { })) {
            given().auth().oauth2(issuedBefore).get(stack.gatewayUrl() + "/api/participants/units/KEEP").then().statusCode(200)
                    .body("name", equalTo("Kept unit"));
        }

        StackOptions fresh = new StackOptions(root, data, keycloakDist, true, true, false, false, ports);
        try (LocalStack stack = LocalStack.start(fresh, step -> { })) {
            String hr = new KeycloakTokens(stack.keycloakUrl()).hrIntegration();
            given().auth().oauth2(hr).get(stack.gatewayUrl() + "/api/participants/units/KEEP").then().statusCode(404);
            given().auth().oauth2(issuedBefore).get(stack.gatewayUrl() + "/api/participants/units").then().statusCode(401);
        }
    }

    @Test
    void aTakenPortIsRefusedWithAMessageNamingItBeforeAnythingStarts() throws Exception {
        StackOptions.PortPlan ports = StackOptions.PortPlan.random();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(ports.gateway()));
            StackOptions options = new StackOptions(root, Files.createTempDirectory("kasam-port-test"), keycloakDist,
                    true, false, false, false, ports);
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalStack.start(options, step -> { }));
            assertTrue(refused.getMessage().contains("port " + ports.gateway() + " (gateway) is already taken"), refused.getMessage());
            assertFalse(Ports.isListening(ports.postgres()), "nothing was started");
        }
    }
}
