package se.kasam.participants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.kasam.participants.Fixtures.HR;
import static se.kasam.participants.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kasam.participants.mapping.TrioGroupChanged;
import se.kasam.participants.service.TrioRepairJob;
import se.kasam.platform.jobs.ClusterJobs;
import se.kasam.platform.security.Roles;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.TestClock;
import se.kasam.testing.TestTokens;

/** Trio rounds through the API, against real PostgreSQL and Kafka. */
@QuarkusTest
class TrioRoundsTest {
    static final String ROUNDS = "/api/participants/trio-rounds";
    static final String LEAD = TestTokens.of("petra", Roles.PROJECT_LEAD);

    @Inject
    TestClock clock;

    @Inject
    TrioRepairJob repairJob;

    @Inject
    ClusterJobs jobs;

    /** TR-ROOT > TR-A (manager TR-M, staff TR-1..TR-7) and TR-B (TR-LONE only), TR-OTHER elsewhere. */
    private void organisation(String p) {
        List<Map<String, Object>> employees = new ArrayList<>();
        employees.add(Fixtures.employee(p + "M", p + "A"));
        for (int i = 1; i <= 7; i++) {
            var e = Fixtures.employee(p + i, p + "A");
            e.put("name", "Kollega " + i);
            employees.add(e);
        }
        employees.add(Fixtures.employee(p + "LONE", p + "B"));
        employees.add(Fixtures.employee(p + "X", p + "OTHER"));
        as(HR).body(Map.of("units", List.of(
                        Map.of("code", p + "ROOT", "name", "Omsorg"),
                        Map.of("code", p + "A", "name", "Hemtjänst Öst", "parentCode", p + "ROOT", "managers", List.of(p + "M")),
                        Map.of("code", p + "B", "name", "Nattpatrull", "parentCode", p + "ROOT"),
                        Map.of("code", p + "OTHER", "name", "Gata och park")),
                "employees", employees)).post("/api/participants/hr/import").then().statusCode(200);
    }

    @Test
    void aRoundGroupsEveryoneAndPublishesEveryGroup() {
        organisation("TR-");
        JsonPath round = as(LEAD).body(Map.of("name", "Våren", "unitCodes", List.of("TR-ROOT"), "seed", 42))
                .post(ROUNDS).then().statusCode(201)
                .body("seed", equalTo(42)).body("report.employees", equalTo(9))
                .extract().jsonPath();
        long roundId = round.getLong("id");
        // TR-A's seven staff make 3+4; the manager and TR-LONE go up to TR-ROOT, where they make a pair
        assertEquals(Map.of("3", 1, "4", 1, "2", 1), round.getMap("report.groupSizes"));
        assertEquals(List.of(), round.getList("report.unplaced"));

        JsonPath groups = as(LEAD).get(ROUNDS + "/" + roundId + "/groups").then().statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        List<String> members = groups.getList("items.members.employeeNumber.flatten()");
        assertEquals(Set.of("TR-M", "TR-LONE", "TR-1", "TR-2", "TR-3", "TR-4", "TR-5", "TR-6", "TR-7"), Set.copyOf(members));
        assertEquals(9, members.size());

        var events = EventProbe.await(TrioGroupChanged.TOPIC, r -> JsonPath.from(r.value()).getLong("roundId") == roundId, 3,
                Duration.ofSeconds(10));
        assertEquals(3, events.size());
        events.forEach(EventSchemas::assertValid);

        // the employee sees colleagues' names and units, and nothing more about them
        JsonPath mine = as(TestTokens.of("tr1", Roles.EMPLOYEE, "TR-1")).get("/api/participants/me/trio")
                .then().statusCode(200).body("round", equalTo("Våren")).extract().jsonPath();
        List<Map<String, Object>> colleagues = mine.getList("colleagues");
        assertTrue(colleagues.size() == 2 || colleagues.size() == 3);
        colleagues.forEach(c -> {
            assertEquals(Set.of("name", "unitCode", "unitName"), c.keySet());
            assertEquals("Hemtjänst Öst", c.get("unitName"));
        });
        as(TestTokens.of("x", Roles.EMPLOYEE, "TR-X")).get("/api/participants/me/trio").then().statusCode(404);
    }

    private static long formRound(String prefix, String name, long seed) {
        return as(LEAD).body(Map.of("name", name, "unitCodes", List.of(prefix + "ROOT"), "seed", seed))
                .post(ROUNDS).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The pool of unit A: its groups' ids, members and versions. */
    private static JsonPath groupsOfA(String prefix, long roundId) {
        return as(LEAD).queryParam("unit", prefix + "A").get(ROUNDS + "/" + roundId + "/groups")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The ETag of a group as read: its version. */
    private static String etag(JsonPath groups, long groupId) {
        return "\"" + groups.getInt("items.find { it.id == " + groupId + " }.version") + "\"";
    }

    private static io.restassured.response.ValidatableResponse move(String token, long roundId, String ifMatch,
                                                                    Map<String, Object> body) {
        var request = as(token).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(ROUNDS + "/" + roundId + "/moves").then();
    }

    @Test
    void aMoveBreakingARuleIsRefusedUnlessTheProjectLeadForcesIt() {
        organisation("MV-");
        long roundId = formRound("MV-", "Hösten", 7);
        JsonPath groups = groupsOfA("MV-", roundId);
        long four = groups.getLong("items.find { it.members.size() == 4 }.id");
        long three = groups.getLong("items.find { it.members.size() == 3 }.id");
        String fromFour = groups.getString("items.find { it.members.size() == 4 }.members[0].employeeNumber");

        // four → three is fine: 3 and 4 again
        move(LEAD, roundId, etag(groups, three), Map.of("employeeNumber", fromFour, "toGroupId", three))
                .statusCode(200).body("members", hasSize(4)).body("version", equalTo(1));
        // another from the old four (now three) into the old three (now four) would make a five: refused, naming the rule
        groups = groupsOfA("MV-", roundId);
        String another = groups.getString("items.find { it.id == " + four + " }.members[0].employeeNumber");
        assertEquals(3, groups.getList("items.find { it.id == " + four + " }.members").size());
        move(LEAD, roundId, etag(groups, three), Map.of("employeeNumber", another, "toGroupId", three))
                .statusCode(400).contentType("application/problem+json").body("errors.rule", hasItem("GroupSize"));
        // the unit's manager may not force; the project lead may
        String manager = TestTokens.of("mv-m", Roles.MANAGER, "MV-M");
        move(manager, roundId, etag(groups, three), Map.of("employeeNumber", another, "toGroupId", three, "force", true))
                .statusCode(403);
        move(LEAD, roundId, etag(groups, three), Map.of("employeeNumber", another, "toGroupId", three, "force", true))
                .statusCode(200).body("members", hasSize(5));
        assertEquals(List.of(2, 5), groupsOfA("MV-", roundId).getList("items.collect { it.members.size() }.sort()"));
    }

    @Test
    void aMoveStaysInItsRound() {
        organisation("SR-");
        organisation("SS-");
        long roundId = formRound("SR-", "Runda ett", 5);
        long otherRound = formRound("SS-", "Runda två", 5);
        JsonPath groups = groupsOfA("SR-", roundId);
        String member = groups.getString("items[0].members[0].employeeNumber");
        JsonPath others = groupsOfA("SS-", otherRound);
        long othersGroup = others.getLong("items[0].id");
        // a group that exists, of another round: refused by the rule, and nothing moves
        move(LEAD, roundId, etag(others, othersGroup), Map.of("employeeNumber", member, "toGroupId", othersGroup, "force", true))
                .statusCode(400).contentType("application/problem+json").body("errors.rule", hasItem("SameRound"));
        assertEquals(groups.getList("items.members.employeeNumber"), groupsOfA("SR-", roundId).getList("items.members.employeeNumber"));
        assertEquals(others.getList("items.members.employeeNumber"), groupsOfA("SS-", otherRound).getList("items.members.employeeNumber"));
        // a group that does not exist at all
        move(LEAD, roundId, "\"0\"", Map.of("employeeNumber", member, "toGroupId", 999_999_999)).statusCode(404);
    }

    @Test
    void aMoveNeedsTheTargetGroupsVersion() {
        organisation("IM-");
        long roundId = formRound("IM-", "Version", 11);
        JsonPath groups = groupsOfA("IM-", roundId);
        long four = groups.getLong("items.find { it.members.size() == 4 }.id");
        long three = groups.getLong("items.find { it.members.size() == 3 }.id");
        String fromFour = groups.getString("items.find { it.members.size() == 4 }.members[0].employeeNumber");
        Map<String, Object> body = Map.of("employeeNumber", fromFour, "toGroupId", three);

        move(LEAD, roundId, null, body).statusCode(428).contentType("application/problem+json");
        move(LEAD, roundId, "\"7\"", body).statusCode(412).contentType("application/problem+json");
        assertEquals(groups.getList("items.members.employeeNumber"), groupsOfA("IM-", roundId).getList("items.members.employeeNumber"));
        move(LEAD, roundId, etag(groups, three), body).statusCode(200).body("members", hasSize(4));
        // what was read before the move is stale now
        String second = groups.getString("items.find { it.id == " + four + " }.members[1].employeeNumber");
        move(LEAD, roundId, etag(groups, three), Map.of("employeeNumber", second, "toGroupId", three, "force", true))
                .statusCode(412);
    }

    @Test
    void twoMovesAtOnceIntoOneGroupCannotBothSucceed() throws Exception {
        organisation("CM-");
        long roundId = formRound("CM-", "Samtidigt", 13);
        JsonPath groups = groupsOfA("CM-", roundId);
        long three = groups.getLong("items.find { it.members.size() == 3 }.id");
        List<String> fromFour = groups.getList("items.find { it.members.size() == 4 }.members.employeeNumber");
        String version = etag(groups, three);
        // each alone is allowed (3 and 4 become 4 and 3); both would make a five and a pair, forced past the rules
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (String member : fromFour.subList(0, 2)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return move(LEAD, roundId, version, Map.of("employeeNumber", member, "toGroupId", three, "force", true))
                            .extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(3, 4), groupsOfA("CM-", roundId).getList("items.collect { it.members.size() }.sort()"));
    }

    @Test
    void whenAMemberLeavesTheGroupIsRepairedAndPublished() {
        organisation("LV-");
        long roundId = as(LEAD).body(Map.of("name", "Leave", "unitCodes", List.of("LV-ROOT"), "seed", 3))
                .post(ROUNDS).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath groups = as(LEAD).queryParam("unit", "LV-A").get(ROUNDS + "/" + roundId + "/groups").then().extract().jsonPath();
        long threeId = groups.getLong("items.find { it.members.size() == 3 }.id");
        String leaver = groups.getString("items.find { it.members.size() == 3 }.members[0].employeeNumber");

        String etag = as(HR).get("/api/participants/employees/" + leaver).then().extract().header("ETag");
        as(HR).header("If-Match", etag).body(Map.of("endDate", LocalDate.now(clock).toString()))
                .post("/api/participants/employees/" + leaver + "/end").then().statusCode(200);

        // the pair took a member from the four: two threes
        as(LEAD).queryParam("unit", "LV-A").get(ROUNDS + "/" + roundId + "/groups").then().statusCode(200)
                .body("items.collect { it.members.size() }", equalTo(List.of(3, 3)))
                .body("items.members.employeeNumber.flatten()", org.hamcrest.Matchers.not(hasItem(leaver)));
        var events = EventProbe.await(TrioGroupChanged.TOPIC,
                r -> r.key().equals(Long.toString(threeId)) && JsonPath.from(r.value()).getInt("version") == 1, 1, Duration.ofSeconds(10));
        assertEquals(1, events.size(), "the repaired group is published");
        as(TestTokens.of("lv", Roles.EMPLOYEE, leaver)).get("/api/participants/me/trio").then().statusCode(404);
    }

    @Test
    void theNightlyRepairSkipsWhileAnotherReplicaRunsIt() {
        organisation("NR-");
        long roundId = formRound("NR-", "Natt", 17);
        JsonPath groups = groupsOfA("NR-", roundId);
        String leaver = groups.getString("items.find { it.members.size() == 3 }.members[0].employeeNumber");
        // an end date set in advance: the repair after the change leaves the group as it is
        LocalDate lastDay = LocalDate.now(clock).plusDays(1);
        String etag = as(HR).get("/api/participants/employees/" + leaver).then().extract().header("ETag");
        as(HR).header("If-Match", etag).body(Map.of("endDate", lastDay.toString()))
                .post("/api/participants/employees/" + leaver + "/end").then().statusCode(200);
        assertEquals(groups.getList("items.members.employeeNumber"), groupsOfA("NR-", roundId).getList("items.members.employeeNumber"));

        clock.pin(lastDay.plusDays(1).atTime(0, 10).atZone(clock.getZone()).toInstant());
        try {
            // another replica holds the job: this one's run skips and changes nothing
            boolean[] ranHere = {true};
            assertTrue(jobs.runExclusively(TrioRepairJob.NAME, () -> ranHere[0] = repairJob.run()));
            assertFalse(ranHere[0]);
            assertEquals(groups.getList("items.members.employeeNumber"), groupsOfA("NR-", roundId).getList("items.members.employeeNumber"));
            // once it is free, the run repairs
            assertTrue(repairJob.run());
            as(LEAD).queryParam("unit", "NR-A").get(ROUNDS + "/" + roundId + "/groups").then().statusCode(200)
                    .body("items.collect { it.members.size() }", equalTo(List.of(3, 3)))
                    .body("items.members.employeeNumber.flatten()", org.hamcrest.Matchers.not(hasItem(leaver)));
        } finally {
            clock.release();
        }
    }

    @Test
    void managersFormAndSeeRoundsOfTheirOwnUnitsOnly() {
        organisation("TM-");
        String manager = TestTokens.of("tm-m", Roles.MANAGER, "TM-M");
        long roundId = as(manager).body(Map.of("name", "Egen", "unitCodes", List.of("TM-A"), "seed", 1))
                .post(ROUNDS).then().log().ifValidationFails().statusCode(201).body("report.employees", equalTo(8))
                .extract().jsonPath().getLong("id");
        as(manager).body(Map.of("name", "Annans", "unitCodes", List.of("TM-OTHER"))).post(ROUNDS).then().statusCode(403);
        as(manager).body(Map.of("name", "Alla")).post(ROUNDS).then().statusCode(403);
        as(manager).queryParam("unit", "TM-OTHER").get(ROUNDS + "/" + roundId + "/groups").then().statusCode(404);
        as(TestTokens.of("e", Roles.EMPLOYEE, "TM-1")).body(Map.of("name", "x")).post(ROUNDS).then().statusCode(403);
        as(LEAD).body(Map.of("name", "x", "unitCodes", List.of("NO-SUCH"))).post(ROUNDS).then().statusCode(400)
                .body("errors[0].rule", equalTo("UnitExists"));
    }
}
