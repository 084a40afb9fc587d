package se.kasam.sickleave;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.EmployeeChanged;
import se.kasam.sickleave.mapping.UnitChanged;
import se.kasam.testing.EventProbe;
import se.kasam.testing.TestTokens;

/** The consuming side of the first event path, against the real broker, fed with the producer's own example. */
@QuarkusTest
class EmployeeProjectionTest {
    static final String TOPIC = "kasam.participants.employees";
    static final Path PRODUCER_EXAMPLE = Path.of("../participants-service/src/main/resources/events/"
            + EmployeeChanged.TYPE + ".example.json");
    static final Path PRODUCER_UNIT_EXAMPLE = Path.of("../participants-service/src/main/resources/events/"
            + UnitChanged.TYPE + ".example.json");
    static final String HR_ADMIN = TestTokens.of("hanna", Roles.HR_ADMIN);

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void theProducersExampleBuildsTheProjection() throws Exception {
        String example = Files.readString(PRODUCER_EXAMPLE);
        EventProbe.send(TOPIC, "100234", UUID.randomUUID().toString(), EmployeeChanged.TYPE, example);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(HR_ADMIN).get("/api/sickleave/employees/100234").then().statusCode(200)
                        .body("unitCode", equalTo("SOC-HT-01")).body("legalGender", equalTo("FEMALE"))
                        .body("employmentRate", equalTo(75.0f)).body("sourceVersion", equalTo(3)));
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "100234")).get("/api/sickleave/employees/100234")
                .then().statusCode(403);
    }

    @Test
    void theProducersUnitExampleBuildsTheUnitTree() throws Exception {
        EventProbe.send("kasam.participants.units", "SOC-HT-01", UUID.randomUUID().toString(), UnitChanged.TYPE,
                Files.readString(PRODUCER_UNIT_EXAMPLE));
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from unit where code = 'SOC-HT-01' and parent_code = 'SOC-HT'"
                        + " and managers = array['100017'] and source_version = 2").getSingleResult()).intValue() == 1));
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndAStaleOneNever() throws Exception {
        String id = "dup-" + UUID.randomUUID();
        EventProbe.send(TOPIC, "DUP-1", id, EmployeeChanged.TYPE, event("DUP-1", 5, "UNIT-A"));
        // the same event id again, carrying other data: it must be recognised and skipped
        EventProbe.send(TOPIC, "DUP-1", id, EmployeeChanged.TYPE, event("DUP-1", 6, "UNIT-B"));
        // a newer event id with an older version: processed, but it may not roll the state back
        String stale = "stale-" + UUID.randomUUID();
        EventProbe.send(TOPIC, "DUP-1", stale, EmployeeChanged.TYPE, event("DUP-1", 4, "UNIT-C"));
        await().atMost(Duration.ofSeconds(15)).until(() -> processed(stale));
        given().auth().oauth2(HR_ADMIN).get("/api/sickleave/employees/DUP-1").then().statusCode(200)
                .body("unitCode", equalTo("UNIT-A")).body("sourceVersion", equalTo(5));
        assertEquals(1, inboxRecords(id));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        double counted = deadLettered();
        EventProbe.send(TOPIC, "POISON-1", poison, EmployeeChanged.TYPE, "{ this is not json");
        EventProbe.send(TOPIC, "POISON-1", UUID.randomUUID().toString(), EmployeeChanged.TYPE, event("POISON-1", 1, "UNIT-P"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(HR_ADMIN).get("/api/sickleave/employees/POISON-1").then().statusCode(200)
                        .body("unitCode", equalTo("UNIT-P")));
        var dead = EventProbe.await("kasam.sickleave.dlq", r -> poison.equals(EventProbe.header(r, "ce_id")), 1,
                Duration.ofSeconds(15));
        assertEquals(1, dead.size(), "the poison message is on the dead-letter topic");
        String why = EventProbe.header(dead.get(0), "dead-letter-reason");
        assertTrue(why != null && !why.isBlank(), "the reason travels with it");
        await().atMost(Duration.ofSeconds(5)).until(() -> deadLettered() >= counted + 1);
        assertFalse(processed(poison), "a failed event leaves no inbox record");
    }

    /** The dead-letter counter of the employees channel, as Prometheus scrapes it (0 before the first). */
    private static double deadLettered() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(l -> l.startsWith("kasam_inbox_dead_lettered_total{")
                        && l.contains("channel=\"participants-employees\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private boolean processed(String eventId) {
        return inboxRecords(eventId) == 1;
    }

    private int inboxRecords(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId).getSingleResult()).intValue());
    }

    private String event(String employeeNumber, int version, String unit) throws Exception {
        ObjectNode data = (ObjectNode) json.readTree(Files.readString(PRODUCER_EXAMPLE));
        data.put("employeeNumber", employeeNumber).put("version", version).put("unitCode", unit);
        return json.writeValueAsString(data);
    }
}
