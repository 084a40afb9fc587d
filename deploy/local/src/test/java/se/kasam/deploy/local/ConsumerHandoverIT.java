package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rolling update as Kubernetes does it: two instances of sickleave-service share the consumer group, and one
 * is stopped while employee events stream in. Before ConsumerDrain, the stopping instance failed the messages it
 * held ("EntityManagerFactory is closed") and dead-lettered them, and the projection never had those employees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerHandoverIT {
    static final int EMPLOYEES = 3000;
    static final String DLQ = "kasam.sickleave.dlq";

    LocalStack stack;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("kasam-handover-test");
        StackOptions options = new StackOptions(Path.of(System.getProperty("kasam.root")).toAbsolutePath(), data,
                Path.of(System.getProperty("kasam.keycloak.dist")), true, false, false, false, StackOptions.PortPlan.random());
        stack = LocalStack.start(options, step -> System.out.println("handover test: starting " + step));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anInstanceStoppedWhileEventsStreamInLosesNoneAndDeadLettersNone() throws Exception {
        String sickleave = stack.postgres().jdbcUrl("sickleave");
        long inboxBefore = count(sickleave, "select count(*) from inbox_event where consumer = 'employee-projection'");
        ServiceProcess replica = stack.startReplica("sickleave-service");
        long stoppedAt;
        try {
            List<Map<String, Object>> employees = new ArrayList<>();
            for (int i = 0; i < EMPLOYEES; i++) {
                employees.add(Map.of("employeeNumber", "HO-%05d".formatted(i), "name", "Sara Persson", "legalGender", "FEMALE",
                        "birthYear", 1980, "unitCode", "HO-UNIT", "employmentRate", 100, "fullTimeHours", 40,
                        "employmentType", "PERMANENT", "startDate", "2020-01-01"));
            }
            given().auth().oauth2(new KeycloakTokens(stack.keycloakUrl()).hrIntegration()).contentType(ContentType.JSON)
                    .body(Map.of("units", List.of(Map.of("code", "HO-UNIT", "name", "Hemtjänst")), "employees", employees))
                    .post(stack.gatewayUrl() + "/api/participants/hr/import").then().statusCode(200)
                    .body("employees.created", equalTo(EMPLOYEES));
            // stop the replica while it is busy: some employees projected, most still to come
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> projected(sickleave) >= EMPLOYEES / 10);
            // what counts is that the stop began mid-stream; how long the stop itself takes does not matter
            stoppedAt = projected(sickleave);
        } finally {
            replica.close();
        }
        assertTrue(stoppedAt < EMPLOYEES, "the replica was told to stop mid-stream (" + stoppedAt + " projected)");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> projected(sickleave) == EMPLOYEES);
        assertEquals(EMPLOYEES, count(sickleave, "select count(*) from inbox_event where consumer = 'employee-projection'")
                - inboxBefore, "every event applied exactly once");
        assertEquals(List.of(), deadLettered(), "nothing dead-lettered because an instance stopped");
    }

    private static long projected(String jdbcUrl) throws SQLException {
        return count(jdbcUrl, "select count(*) from employee where employee_number like 'HO-%'");
    }

    private static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Everything on the dead-letter topic, read from its start to its end. */
    private List<String> deadLettered() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "handover-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(DLQ, Duration.ofSeconds(30)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(DLQ, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    var reason = r.headers().lastHeader("dead-letter-reason");
                    found.add(r.key() + ": " + (reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return found;
    }
}
