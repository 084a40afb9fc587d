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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.participants.mapping.EmployeeChanged;
import se.kasam.participants.mapping.UnitChanged;
import se.kasam.testing.EventProbe;
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

    /** The examples that consumers' tests read must match what this service really publishes. */
    @Test
    void publishedExamplesHaveTheFieldsOfTheRealEvents() throws Exception {
        as(HR).body(Fixtures.employee("EV-SHAPE", "EV-UNIT")).post("/api/participants/employees").then().statusCode(201);
        assertSameShape(EmployeeChanged.TOPIC, "EV-SHAPE", EmployeeChanged.TYPE);
        json.treeToValue(example(EmployeeChanged.TYPE), EmployeeChanged.class);
        assertSameShape(UnitChanged.TOPIC, "EV-UNIT", UnitChanged.TYPE);
        json.treeToValue(example(UnitChanged.TYPE), UnitChanged.class);
    }

    private void assertSameShape(String topic, String key, String type) throws Exception {
        ConsumerRecord<String, String> real = EventProbe.await(topic, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(10)).get(0);
        assertEquals(type, EventProbe.header(real, "ce_type"));
        JsonNode schema = json.readTree(Files.readString(Path.of("src/main/resources/events/" + type + ".schema.json")));
        TreeSet<String> realFields = fields(json.readTree(real.value()));
        assertEquals(realFields, fields(example(type)), type + " example");
        assertEquals(realFields, fields(schema.get("properties")), type + " schema");
    }

    private JsonNode example(String type) throws Exception {
        return json.readTree(Files.readString(Path.of("src/main/resources/events/" + type + ".example.json")));
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
