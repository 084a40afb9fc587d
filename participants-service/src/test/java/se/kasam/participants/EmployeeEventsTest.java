package se.kasam.participants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.kasam.participants.Fixtures.HR;
import static se.kasam.participants.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.participants.mapping.EmployeeChanged;
import se.kasam.participants.mapping.UnitChanged;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.RealStackTestResource;

/** The outbox path against the real broker: atomic with the change, ordered per key, never lost. */
@QuarkusTest
class EmployeeEventsTest {
    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void organisation() {
        as(HR).body(Map.of("code", "EV-UNIT", "name", "Hemtjänst")).post("/api/participants/units");
    }

    @Test
    void everyRealChangeIsPublishedAsStateAndNothingElse() throws Exception {
        String etag = as(HR).body(Fixtures.employee("EV-1", "EV-UNIT")).post("/api/participants/employees")
                .then().statusCode(201).extract().header("ETag");
        // unchanged re-send: no new version, no event
        etag = as(HR).header("If-Match", etag).body(Fixtures.employee("EV-1", "EV-UNIT"))
                .put("/api/participants/employees/EV-1").then().statusCode(200).extract().header("ETag");
        // refused change: rolled back, no event
        var refused = Fixtures.employee("EV-1", "NO-SUCH-UNIT");
        as(HR).header("If-Match", etag).body(refused).put("/api/participants/employees/EV-1").then().statusCode(400);
        var changed = Fixtures.employee("EV-1", "EV-UNIT");
        changed.put("endDate", "2020-01-31");
        etag = as(HR).header("If-Match", etag).body(changed).put("/api/participants/employees/EV-1").then().statusCode(200)
                .extract().header("ETag");
        // a last change of the test's own: once it has come, every earlier event of EV-1 has come too
        var sentinel = Fixtures.employee("EV-1", "EV-UNIT");
        sentinel.put("name", "Sentinel");
        as(HR).header("If-Match", etag).body(sentinel).put("/api/participants/employees/EV-1").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = EventProbe.awaitUntil(EmployeeChanged.TOPIC,
                r -> "EV-1".equals(r.key()), found -> found.stream().anyMatch(r -> r.value().contains("Sentinel")),
                Duration.ofSeconds(30), "the sentinel change");
        assertEquals(3, events.size(), "one event per real change, then the sentinel");
        assertTrue(events.get(2).value().contains("Sentinel"), "nothing after the sentinel");
        ConsumerRecord<String, String> last = events.get(1);
        assertEquals(EmployeeChanged.TYPE, EventProbe.header(last, "ce_type"));
        assertEquals("EV-1", EventProbe.header(last, "ce_subject"));
        assertEquals("1.0", EventProbe.header(last, "ce_specversion"));
        JsonNode data = json.readTree(last.value());
        assertEquals(1, data.get("version").asInt());
        assertTrue(data.get("left").asBoolean());
        assertEquals(events.get(0).partition(), last.partition(), "one employee's events share a partition");
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDown() {
        RealStackTestResource.stopKafka();
        try {
            as(HR).body(Fixtures.employee("EV-DOWN", "EV-UNIT")).post("/api/participants/employees").then().statusCode(201);
            Number waiting = (Number) em.createNativeQuery("select count(*) from outbox_event where subject = 'EV-DOWN'")
                    .getSingleResult();
            assertEquals(1, waiting.intValue(), "the event is kept while Kafka is away");
        } finally {
            RealStackTestResource.restartKafka();
        }
        assertEquals(1, EventProbe.await(EmployeeChanged.TOPIC, r -> "EV-DOWN".equals(r.key()), 1,
                Duration.ofSeconds(60)).size(), "delivered once Kafka is back");
    }

    /** What this service really publishes, and the examples consumers' tests read, match the published schemas. */
    @Test
    void publishedEventsAndExamplesMatchTheirSchemas() {
        as(HR).body(Fixtures.employee("EV-SHAPE", "EV-UNIT")).post("/api/participants/employees").then().statusCode(201);
        assertPublishedValid(EmployeeChanged.TOPIC, "EV-SHAPE", EmployeeChanged.TYPE);
        assertPublishedValid(UnitChanged.TOPIC, "EV-UNIT", UnitChanged.TYPE);
        EventSchemas.assertExamplesValid();
    }

    private void assertPublishedValid(String topic, String key, String type) {
        ConsumerRecord<String, String> real = EventProbe.await(topic, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(10)).get(0);
        assertEquals(type, EventProbe.header(real, "ce_type"));
        EventSchemas.assertValid(real);
    }
}
