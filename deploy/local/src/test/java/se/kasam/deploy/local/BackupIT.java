package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The demo stack, last of the classes that share it: stopped, backed up with deploy/local's backup, restored
 * into a fresh data directory, started there (on the same ports, as a restored server keeps its address, so the
 * tokens' issuer is the same), and asked the same questions through the gateway.
 */
@Order(4)
class BackupIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoBackedUpAndRestoredElsewhereAnswersWithTheSameFigures() throws Exception {
        LocalStack demo = DemoStack.get();
        Path data = DemoStack.dataDir();
        Path backup = Files.createTempDirectory("kasam-demo-backup").resolve("backup");
        IllegalStateException running = assertThrows(IllegalStateException.class, () -> Backups.backup(data, backup));
        assertTrue(running.getMessage().contains("stop the stack first"), running.getMessage());

        KeycloakTokens tokens = new KeycloakTokens(demo.keycloakUrl());
        // a token of the first Keycloak that outlives the stop, backup, restore and start (the realm's live five minutes)
        String erik = RealmAdmin.withAccessTokenLifespan(demo.keycloakUrl(), 1800, () -> tokens.user("erik.eval"));
        Map<String, JsonNode> before = settled(demo.gatewayUrl(), erik, tokens.user("hanna.hr"));
        DemoStack.stop();

        Backups.backup(data, backup);
        Path restored = Files.createTempDirectory("kasam-demo-restored").resolve("data");
        Backups.restore(backup, restored);
        StackOptions options = new StackOptions(Path.of(System.getProperty("kasam.root")).toAbsolutePath(), restored,
                Path.of(System.getProperty("kasam.keycloak.dist")), false, false, false, false, DemoStack.ports());
        try (LocalStack copy = LocalStack.start(options, step -> System.out.println("restored demo: starting " + step))) {
            String hanna = new KeycloakTokens(copy.keycloakUrl()).user("hanna.hr");
            Map<String, JsonNode> after = figures(copy.gatewayUrl(), erik, hanna);
            for (String question : before.keySet()) {
                assertEquals(before.get(question), after.get(question), question + ": the same answer from the restored copy");
            }
        }
    }

    /** The figures once two readings a few seconds apart agree (no job is still publishing). */
    private static Map<String, JsonNode> settled(String gateway, String erik, String hanna) {
        Map<String, JsonNode>[] last = new Map[] {figures(gateway, erik, hanna)};
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            Map<String, JsonNode> now = figures(gateway, erik, hanna);
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /** The evaluation report (without its time of making), and the figures each service answers itself. */
    private static Map<String, JsonNode> figures(String gateway, String erik, String hanna) {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        ObjectNode report = (ObjectNode) read(gateway, "/api/evaluation/report", erik);
        report.remove("generatedAt");
        figures.put("evaluation report", report);
        for (String path : List.of("/api/sickleave/statistics?from=2019-01&to=2021-12", "/api/surveys/rounds?size=50",
                "/api/workshops/progress?on=2021-04-30")) {
            figures.put(path, read(gateway, path, erik));
        }
        figures.put("employees", read(gateway, "/api/participants/employees?size=1", hanna).path("totalItems"));
        figures.put("Emma's spells", read(gateway, "/api/sickleave/employees/D0005/spells", hanna));
        return figures;
    }

    private static JsonNode read(String gateway, String path, String token) {
        String body = given().auth().oauth2(token).get(gateway + path).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}
