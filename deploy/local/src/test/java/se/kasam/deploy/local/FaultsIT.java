package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults on the demo stack, each undone before the next: a replica stopped mid-stream, Kafka away for a minute
 * under writes with a SIGKILL in it, a poison message on every consumed topic, PostgreSQL stopped and started, and
 * Keycloak down. Bounded in time: every wait has its limit.
 */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    static final String PROBLEM = "application/problem+json";
    static final List<String> CONSUMERS = List.of("sickleave-service", "survey-service", "workshops-service");
    static final String EMPLOYEES_TOPIC = "kasam.participants.employees";
    static final String UNITS_TOPIC = "kasam.participants.units";
    static final String TRIO_TOPIC = "kasam.participants.triogroups";
    static final String PRODUCERS_SQL = "select topic, event_id::text from outbox_event";

    LocalStack stack;
    KeycloakTokens tokens;
    StackDatabases databases;
    StackTopics topics;
    String gateway;

    @BeforeAll
    void start() throws Exception {
        stack = DemoStack.get();
        tokens = new KeycloakTokens(stack.keycloakUrl());
        databases = new StackDatabases(stack);
        topics = new StackTopics(stack);
        gateway = stack.gatewayUrl();
        // a workplace of the faults' own, under social services as HR places a unit
        importHr(List.of(Map.of("code", "FLT", "name", "Hemtjänsten Fäll", "parentCode", "SOC")),
                IntStream.range(0, 40).mapToObj(i -> employee("FLT-%04d".formatted(i), 100)).toList(), 40);
        stack.awaitAllProjections(Duration.ofMinutes(3));
    }

    /**
     * A rolling update as Kubernetes does it: two instances of sickleave-service share the consumer group, and one
     * is stopped while employee events stream in. Before ConsumerDrain, the stopping instance failed the messages
     * it held ("EntityManagerFactory is closed") and dead-lettered them, and the projection never had those employees.
     */
    @Test
    @Order(1)
    void anInstanceStoppedWhileEventsStreamInLosesNoneAndDeadLettersNone() {
        int employees = 3000;
        long inboxBefore = databases.count("sickleave-service", "select count(*) from inbox_event where consumer = 'employee-projection'");
        ServiceProcess replica = stack.startReplica("sickleave-service");
        long stoppedAt;
        try {
            importHr(List.of(Map.of("code", "HO-UNIT", "name", "Hemtjänst", "parentCode", "SOC")),
                    IntStream.range(0, employees).mapToObj(i -> employee("HO-%05d".formatted(i), 100)).toList(), employees);
            // stop the replica while it is busy: some employees projected, most still to come
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> handedOver() >= employees / 10);
            // what counts is that the stop began mid-stream; how long the stop itself takes does not matter
            stoppedAt = handedOver();
        } finally {
            replica.close();
        }
        assertTrue(stoppedAt < employees, "the replica was told to stop mid-stream (" + stoppedAt + " projected)");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> handedOver() == employees);
        assertEquals(employees, databases.count("sickleave-service",
                "select count(*) from inbox_event where consumer = 'employee-projection'") - inboxBefore, "every event applied exactly once");
        assertEquals(List.of(), topics.readAll("kasam.sickleave.dlq").stream().map(StackTopics.Read::key)
                .filter(k -> k != null && k.startsWith("HO-")).toList(), "nothing dead-lettered because an instance stopped");
    }

    private long handedOver() {
        return databases.count("sickleave-service", "select count(*) from employee where employee_number like 'HO-%'");
    }

    /**
     * Kafka stopped for a minute while HR imports, spell imports, bookings and survey submits go on, and
     * participants-service killed (SIGKILL) with events committed in its outbox that its relay could not send:
     * every write is answered as without the fault, the killed service's events arrive after its restart, every
     * waiting event of every topic reaches its topic, and every projection equals its source, each event applied once.
     */
    @Test
    @Order(2)
    void withKafkaAwayForAMinuteEveryWriteIsKeptAndEveryEventArrivesOnceThroughASigkill() throws Exception {
        String lead = tokens.user("petra.lead");
        String session = given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("moduleCode", "GOD-ARBETSMILJO",
                        "startsAt", OffsetDateTime.now().plusDays(40).toString(),
                        "endsAt", OffsetDateTime.now().plusDays(40).plusHours(3).toString(), "placeName", "Fäll", "capacity", 60))
                .post(gateway + "/api/workshops/sessions").then().statusCode(201).extract().path("id");
        Map<String, String> respondents = openRoundFor(List.of("emma.employee", "magnus.chef", "frida.facilitator", "hanna.hr",
                "petra.lead", "erik.eval"));
        String hr = tokens.hrIntegration();

        stack.stopKafka();
        long stoppedAt = System.nanoTime();
        try {
            // HR: 30 new employees and 20 changed, then another unit
            List<Map<String, Object>> batch = new ArrayList<>();
            IntStream.range(40, 70).forEach(i -> batch.add(employee("FLT-%04d".formatted(i), 100)));
            IntStream.range(0, 20).forEach(i -> batch.add(employee("FLT-%04d".formatted(i), 80)));
            given().auth().oauth2(hr).contentType(ContentType.JSON).body(Map.of("units", List.of(), "employees", batch))
                    .post(gateway + "/api/participants/hr/import").then().statusCode(200)
                    .body("employees.created", equalTo(30)).body("employees.updated", equalTo(20));
            given().auth().oauth2(hr).contentType(ContentType.JSON).body(Map.of("code", "FLT-NATT", "name", "Nattpatrullen Fäll",
                    "parentCode", "FLT")).post(gateway + "/api/participants/units").then().statusCode(201);
            // sick leave: long spells, each raising follow-ups
            List<Map<String, Object>> spells = IntStream.range(0, 10).mapToObj(i -> Map.<String, Object>of("spellId", "FLT-S" + i,
                    "employeeNumber", "FLT-%04d".formatted(20 + i), "kind", "SICK_LEAVE", "expectedLongTerm", true,
                    "periods", List.of(Map.of("firstDay", java.time.LocalDate.now().minusDays(70).toString(), "extent", 100))))
                    .toList();
            given().auth().oauth2(hr).contentType(ContentType.JSON).body(Map.of("spells", spells))
                    .post(gateway + "/api/sickleave/spells/import").then().statusCode(200);
            // bookings: ten of the workplace's forty (within its 30 % away at once)
            for (int i = 30; i < 40; i++) {
                given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("employeeNumber", "FLT-%04d".formatted(i)))
                        .post(gateway + "/api/workshops/sessions/" + session + "/bookings").then().statusCode(201);
            }
            // survey: each demo user answers
            respondents.forEach((token, invitation) -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("answers", answers())).post(gateway + "/api/surveys/me/invitations/" + invitation + "/submit")
                    .then().statusCode(204));
            // every service stays ready and alive: a write needs its database, not Kafka
            for (String service : LocalStack.SERVICES) {
                for (String check : List.of("ready", "live")) {
                    Response health = given().get(stack.serviceUrl(service) + "/q/health/" + check);
                    assertEquals(200, health.statusCode(), service + " " + check + " without Kafka: " + health.asString());
                }
            }

            // committed and waiting in participants-service's outbox, which cannot send them: killed now
            assertTrue(databases.count("participants-service", "select count(*) from outbox_event") >= 51,
                    "participants' events wait in its outbox");
            stack.kill("participants-service");

            Map<String, Set<String>> waiting = new TreeMap<>();
            for (String service : LocalStack.SERVICES) {
                databases.pairs(service, "select event_id::text, topic from outbox_event")
                        .forEach((event, topic) -> waiting.computeIfAbsent(topic, t -> new TreeSet<>()).add(event));
            }
            assertTrue(waiting.keySet().containsAll(List.of(EMPLOYEES_TOPIC, UNITS_TOPIC, "kasam.workshops.attendance",
                    "kasam.sickleave.followups")), "events of every kind wait: " + waiting.keySet());
            // the minute is waited out in full
            long left = Duration.ofSeconds(60).toMillis() - Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
            stack.startKafka();
            stack.restart("participants-service");
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> LocalStack.SERVICES.stream()
                    .allMatch(service -> databases.count(service, "select count(*) from outbox_event") == 0));
            for (var topic : waiting.entrySet()) {
                Set<String> onTopic = topics.readAll(topic.getKey()).stream().map(StackTopics.Read::eventId).collect(Collectors.toSet());
                Set<String> lost = new TreeSet<>(topic.getValue());
                lost.removeAll(onTopic);
                assertEquals(Set.of(), lost, topic.getKey() + ": every event that waited was sent");
            }
            stack.awaitAllProjections(Duration.ofMinutes(2));
            assertProjectionsEqualTheirSources();
            for (String service : CONSUMERS) {
                // an event applied is an inbox row (its id the key): each waiting employee event applied, and once
                Set<String> applied = databases.column(service, "select event_id from inbox_event where consumer = 'employee-projection'");
                assertTrue(applied.containsAll(waiting.get(EMPLOYEES_TOPIC)), service + " applied every employee event");
            }
            given().auth().oauth2(tokens.user("hanna.hr")).get(gateway + "/api/sickleave/follow-ups").then().statusCode(200);
        } finally {
            // whatever a failure left stopped runs again, for the tests after this one
            if (!se.kasam.stack.Ports.isListening(stack.kafka().port())) {
                stack.startKafka();
            }
            if (!stack.isRunning("participants-service")) {
                stack.restart("participants-service");
            }
        }
    }

    /**
     * A record no consumer can read, on every consumed topic and each consuming service: it is dead-lettered with
     * the reason in a header, the consumer moves past it on its partition, and the service's metric counts it. A real
     * change sent after it to the same partition is applied.
     */
    @Test
    @Order(3)
    void aPoisonMessageOnEveryConsumedTopicIsDeadLetteredCountedAndPassed() throws Exception {
        Map<String, List<String>> consumersOf = Map.of(EMPLOYEES_TOPIC, CONSUMERS, UNITS_TOPIC, CONSUMERS,
                TRIO_TOPIC, List.of("workshops-service"));
        Map<String, String> keyOf = Map.of(EMPLOYEES_TOPIC, "FLT-0001", UNITS_TOPIC, "FLT", TRIO_TOPIC, "poison-trio");
        Map<String, Double> countedBefore = new HashMap<>();
        for (String service : CONSUMERS) {
            countedBefore.put(service, deadLettered(service));
        }
        Map<String, Long> poisonAt = new LinkedHashMap<>();
        for (String topic : consumersOf.keySet()) {
            int partition = topics.partitionOf(topic, keyOf.get(topic));
            poisonAt.put(topic, topics.send(topic, partition, keyOf.get(topic), "{not json").offset());
        }
        // a real change of the same keys after the poison, as HR sends it
        given().auth().oauth2(tokens.hrIntegration()).contentType(ContentType.JSON)
                .body(Map.of("units", List.of(Map.of("code", "FLT", "name", "Hemtjänsten Fäll (efter giftet)", "parentCode", "SOC")),
                        "employees", List.of(employee("FLT-0001", 60))))
                .post(gateway + "/api/participants/hr/import").then().statusCode(200).body("employees.updated", equalTo(1));

        for (String service : CONSUMERS) {
            String dlq = "kasam." + service.replace("-service", "") + ".dlq";
            long expected = consumersOf.values().stream().filter(c -> c.contains(service)).count();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    topics.readAll(dlq).stream().filter(r -> "{not json".equals(r.value())).count() >= expected);
            topics.readAll(dlq).stream().filter(r -> "{not json".equals(r.value())).forEach(r ->
                    assertTrue(r.reason() != null && !r.reason().isBlank(), dlq + ": the reason is in a header: " + r));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(service) >= countedBefore.get(service) + expected);
        }
        for (var poison : poisonAt.entrySet()) {
            TopicPartition partition = new TopicPartition(poison.getKey(), topics.partitionOf(poison.getKey(), keyOf.get(poison.getKey())));
            for (String service : consumersOf.get(poison.getKey())) {
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        topics.committed(service, partition) > poison.getValue());
            }
        }
        // the changes after the poison, on its partitions, are applied: every projection at its source's version
        stack.awaitAllProjections(Duration.ofMinutes(1));
        assertProjectionsEqualTheirSources();
    }

    /**
     * PostgreSQL stopped (the four service databases share one server here) and started again: every service's
     * readiness goes down and comes back in the same process; meanwhile reads and writes through the gateway are
     * 503 problems with Retry-After and never another 5xx, and the write refused then is not there afterwards.
     */
    @Test
    @Order(4)
    void postgresStoppedAndStartedIsA503WithRetryAfterMeanwhileAndReadyAgainWithoutARestart() {
        String hanna = tokens.user("hanna.hr");
        String lead = tokens.user("petra.lead");
        String hr = tokens.hrIntegration();
        Map<String, Long> pids = new HashMap<>();
        LocalStack.SERVICES.forEach(service -> pids.put(service, stack.pid(service)));
        List<String> reads = List.of("/api/participants/employees/FLT-0002", "/api/sickleave/employees/FLT-0002",
                "/api/surveys/rounds", "/api/workshops/sessions");

        stack.stopPostgres();
        try {
            for (String service : LocalStack.SERVICES) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                        given().get(stack.serviceUrl(service) + "/q/health/ready").statusCode() == 503);
            }
            for (int round = 0; round < 3; round++) {
                for (String path : reads) {
                    String token = path.contains("surveys") || path.contains("workshops") ? lead : hanna;
                    unavailable(given().auth().oauth2(token).get(gateway + path), "GET " + path);
                }
                unavailable(given().auth().oauth2(hr).contentType(ContentType.JSON)
                        .body(Map.of("code", "FLT-DOWN", "name", "Skriven när databasen var borta", "parentCode", "FLT"))
                        .post(gateway + "/api/participants/units"), "POST a unit");
            }
        } finally {
            stack.startPostgres();
        }
        for (String service : LocalStack.SERVICES) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().get(stack.serviceUrl(service) + "/q/health/ready").statusCode() == 200);
            assertEquals(pids.get(service), stack.pid(service), service + " came back in the same process");
        }
        given().auth().oauth2(hanna).get(gateway + "/api/participants/units/FLT-DOWN").then().statusCode(404);
        given().auth().oauth2(hanna).get(gateway + reads.getFirst()).then().statusCode(200);
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(Map.of("code", "FLT-UPP", "name", "Skriven efteråt", "parentCode", "FLT"))
                .post(gateway + "/api/participants/units").then().statusCode(201);
    }

    private static void unavailable(Response answer, String what) {
        assertEquals(503, answer.statusCode(), what + ": " + answer.asString());
        assertTrue(answer.contentType().startsWith(PROBLEM), what + ": " + answer.contentType());
        assertNotNull(answer.header("Retry-After"), what + ": Retry-After");
    }

    /**
     * Keycloak down: tokens it issued before keep working at every service (their keys are cached), a token signed
     * by a key nobody knows is a 401 problem (not a 5xx, not a hang), and a new login fails saying Keycloak is not
     * reachable. Started again, it issues tokens as before.
     */
    @Test
    @Order(5)
    void withKeycloakDownIssuedTokensKeepWorkingAndNewLoginsFailClearly() throws Exception {
        String hanna = tokens.user("hanna.hr");
        String lead = tokens.user("petra.lead");
        String erik = tokens.user("erik.eval");
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("/api/participants/employees/FLT-0002", hanna);
        calls.put("/api/sickleave/employees/FLT-0002", hanna);
        calls.put("/api/surveys/rounds", lead);
        calls.put("/api/workshops/sessions", lead);
        calls.put("/api/evaluation/report?from=2019-01&to=2021-12", erik);
        calls.forEach((path, token) -> given().auth().oauth2(token).get(gateway + path).then().statusCode(200));

        stack.stopKeycloak();
        try {
            calls.forEach((path, token) -> given().auth().oauth2(token).get(gateway + path).then().statusCode(200));
            for (String service : LocalStack.SERVICES) {
                assertEquals(200, given().get(stack.serviceUrl(service) + "/q/health/ready").statusCode(), service + " ready without Keycloak");
            }
            String unknownKey = signedWithAnUnknownKey(hanna);
            given().auth().oauth2(unknownKey).get(gateway + "/api/participants/employees/FLT-0002").then().statusCode(401)
                    .contentType(PROBLEM);
            // straight at a service too (its own check, not only the gateway's)
            given().auth().oauth2(unknownKey).get(stack.serviceUrl("sickleave-service") + "/api/sickleave/employees/FLT-0002")
                    .then().statusCode(401).contentType(PROBLEM);
            IllegalStateException login = assertThrows(IllegalStateException.class, () -> tokens.user("emma.employee"));
            assertTrue(login.getMessage().contains("Keycloak not reachable"), login.getMessage());
        } finally {
            stack.startKeycloak();
        }
        given().auth().oauth2(new KeycloakTokens(stack.keycloakUrl()).user("emma.employee")).get(gateway + "/api/participants/me")
                .then().statusCode(200);
    }

    /** Each employee, unit and trio group in every consuming service at the version participants-service holds. */
    private void assertProjectionsEqualTheirSources() {
        Map<String, String> employees = databases.pairs("participants-service", "select employee_number, version from employee");
        Map<String, String> units = databases.pairs("participants-service", "select code, version from unit");
        for (String service : CONSUMERS) {
            assertEquals(employees, databases.pairs(service, "select employee_number, source_version from employee"), service + ": employees");
            assertEquals(units, databases.pairs(service, "select code, source_version from unit"), service + ": units");
        }
        assertEquals(databases.pairs("participants-service", "select id::text, version from trio_group"),
                databases.pairs("workshops-service", "select id::text, source_version from trio_group"), "workshops: trio groups");
    }

    /** The sum of the service's kasam_inbox_dead_lettered_total counters. */
    private double deadLettered(String service) {
        return given().get(stack.serviceUrl(service) + "/q/metrics").asString().lines()
                .filter(line -> line.startsWith("kasam_inbox_dead_lettered_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Opens a survey round for everyone and answers each user's token to their invitation of it. */
    private Map<String, String> openRoundFor(List<String> users) {
        String lead = tokens.user("petra.lead");
        String round = given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("name", "Fel-prov " + System.nanoTime(),
                        "instruments", List.of(Map.of("code", "SOC-13"), Map.of("code", "HME"), Map.of("code", "KASAM-AM")),
                        "opensAt", OffsetDateTime.now().plusSeconds(2).toString(), "closesAt", OffsetDateTime.now().plusDays(20).toString()))
                .post(gateway + "/api/surveys/rounds").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            given().auth().oauth2(lead).post(gateway + "/api/surveys/rounds/" + round + "/open");
            return "OPEN".equals(given().auth().oauth2(lead).get(gateway + "/api/surveys/rounds/" + round).path("status"));
        });
        Map<String, String> invitations = new LinkedHashMap<>();
        for (String user : users) {
            String token = tokens.user(user);
            List<Map<String, Object>> mine = given().auth().oauth2(token).get(gateway + "/api/surveys/me/invitations").then()
                    .statusCode(200).extract().path("findAll { it.roundId == '" + round + "' }");
            assertEquals(1, mine.size(), user + "'s invitation");
            invitations.put(token, (String) mine.getFirst().get("id"));
        }
        return invitations;
    }

    private static List<Map<String, Object>> answers() {
        List<Map<String, Object>> answers = new ArrayList<>();
        IntStream.rangeClosed(1, 13).forEach(i -> answers.add(Map.of("instrument", "SOC-13", "item", Integer.toString(i), "value", 5)));
        IntStream.rangeClosed(1, 9).forEach(i -> answers.add(Map.of("instrument", "HME", "item", Integer.toString(i), "value", 4)));
        for (String item : List.of("WORKLOAD1", "WORKLOAD2", "RECOVERY1", "SUPPORT1", "SUPPORT2", "HEALTH1")) {
            answers.add(Map.of("instrument", "KASAM-AM", "item", item, "value", 4));
        }
        return answers;
    }

    private void importHr(List<Map<String, Object>> units, List<Map<String, Object>> employees, int created) {
        given().auth().oauth2(tokens.hrIntegration()).contentType(ContentType.JSON).body(Map.of("units", units, "employees", employees))
                .post(gateway + "/api/participants/hr/import").then().statusCode(200).body("employees.created", equalTo(created));
    }

    private static Map<String, Object> employee(String number, int rate) {
        return Map.of("employeeNumber", number, "name", "Sara Persson", "legalGender", number.hashCode() % 3 == 0 ? "MALE" : "FEMALE",
                "birthYear", 1980, "unitCode", number.startsWith("HO-") ? "HO-UNIT" : "FLT", "employmentRate", rate,
                "fullTimeHours", 40, "employmentType", "PERMANENT", "startDate", "2020-01-01");
    }

    /** The token's header and claims, signed by a key of a kid no JWKS has: a verifier must fetch keys to judge it. */
    private static String signedWithAnUnknownKey(String token) throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rotated-away\"}".getBytes(StandardCharsets.UTF_8));
        String claims = token.split("\\.")[1];
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }
}
