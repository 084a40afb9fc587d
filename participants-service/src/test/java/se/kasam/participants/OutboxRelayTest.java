package se.kasam.participants;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.kasam.platform.outbox.Outbox;
import se.kasam.platform.outbox.OutboxRelay;
import se.kasam.testing.EventProbe;

/** The outbox relay against the real broker: what Kafka refuses for good is parked, a stuck backlog is seen. */
@QuarkusTest
class OutboxRelayTest {
    static final String TOPIC = "kasam.test.outbox";
    static final String TYPE = "kasam.test.outbox.v1";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventKafkaRefusesIsParkedAndCountedAndTheEventsAfterItAreDelivered() {
        double parkedBefore = metric("kasam_outbox_parked_total");
        // bigger than the producer's max.request.size (1 MiB) and the broker's message.max.bytes
        String tooLarge = "x".repeat(1_200_000);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(TOPIC, TYPE, "OBX-1", Map.of("n", 1));
            outbox.publish(TOPIC, TYPE, "OBX-1", Map.of("n", 2, "padding", tooLarge));
            outbox.publish(TOPIC, TYPE, "OBX-1", Map.of("n", 3));
        });

        var delivered = EventProbe.await(TOPIC, r -> "OBX-1".equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(List.of(1, 3), delivered.stream().map(r -> JsonPath.from(r.value()).getInt("n")).toList(),
                "the events before and after the refused one, in order");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox_event where subject = 'OBX-1'") == 0);
        assertEquals(1, count("select count(*) from outbox_parked where subject = 'OBX-1'"
                + " and reason like '%RecordTooLargeException%' and length(payload) > 1200000"));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("kasam_outbox_parked_total") >= parkedBefore + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                relayCheck().getLong("checks.find { it.name == 'outbox relay' }.data.parked") >= 1));
    }

    @Test
    void aStuckBacklogShowsInTheMetricsAndTheOutboxHealthButLeavesThePodReady() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            lock(holder, "select pg_advisory_lock(?)"); // the relay cannot take its lock: nothing is sent
            try {
                try (Statement insert = holder.createStatement()) {
                    insert.executeUpdate("insert into outbox_event (event_id, topic, event_key, event_type, subject, occurred_at,"
                            + " payload) values (gen_random_uuid(), '" + TOPIC + "', 'OBX-OLD', '" + TYPE + "', 'OBX-OLD',"
                            + " now() - interval '1 hour', '{\"n\":0}')");
                }
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    JsonPath ready = relayCheck();
                    assertEquals("DOWN", ready.getString("checks.find { it.name == 'outbox relay' }.status"));
                    assertTrue(ready.getLong("checks.find { it.name == 'outbox relay' }.data.waiting") >= 1);
                    assertTrue(ready.getLong("checks.find { it.name == 'outbox relay' }.data.oldestAgeSeconds") >= 3600);
                });
                // the pod still answers and takes writes into its outbox: it stays in its Service
                given().get("/q/health/ready").then().statusCode(200);
                assertTrue(metric("kasam_outbox_backlog") >= 1);
                assertTrue(metric("kasam_outbox_oldest_age_seconds") >= 3600);
            } finally {
                lock(holder, "select pg_advisory_unlock(?)");
            }
        }
        assertEquals(1, EventProbe.await(TOPIC, r -> "OBX-OLD".equals(r.key()), 1, Duration.ofSeconds(30)).size(),
                "sent once the relay may run again");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("UP",
                relayCheck().getString("checks.find { it.name == 'outbox relay' }.status")));
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }

    private static JsonPath relayCheck() {
        return given().get("/q/health/group/outbox").then().extract().jsonPath();
    }

    /** A meter's value from the Prometheus scrape; 0 when it has none yet. */
    private static double metric(String name) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(2)) : 0;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
