package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
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

/** The one-machine run's promises: a clean stop, --fresh, and taken ports refused. */
class RestartIT {
    final Path root = Path.of(System.getProperty("kasam.root")).toAbsolutePath();
    final Path keycloakDist = Path.of(System.getProperty("kasam.keycloak.dist"));

    /**
     * Stopped cleanly (nothing listens any more), then --fresh on the same data directory starts from nothing: the
     * unit is gone, and a token of the first Keycloak is refused (the new realm has new keys). BackupIT keeps data
     * across a restore.
     */
    @Test
    void aStoppedStackFreesItsPortsAndFreshStartsFromNothing() throws Exception {
        Path data = Files.createTempDirectory("kasam-restart-test");
        StackOptions.PortPlan ports = StackOptions.PortPlan.random();
        String issuedBefore;
        try (LocalStack stack = LocalStack.start(new StackOptions(root, data, keycloakDist, false, true, false, false, ports),
                step -> { })) {
            issuedBefore = new KeycloakTokens(stack.keycloakUrl()).hrIntegration();
            given().auth().oauth2(issuedBefore).contentType(ContentType.JSON).body(Map.of("code", "KEEP", "name", "Kept unit"))
                    .post(stack.gatewayUrl() + "/api/participants/units").then().statusCode(201);
        }
        for (int port : List.of(ports.postgres(), ports.kafka(), ports.keycloak(), ports.participants(), ports.gateway())) {
            assertFalse(Ports.isListening(port), "stopped: nothing listens on " + port);
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
