package se.kasam.participants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.kasam.participants.Fixtures.HR;
import static se.kasam.participants.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kasam.participants.mapping.TrioGroupChanged;
import se.kasam.platform.security.Roles;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.TestTokens;

/** Trio rounds through the API, against real PostgreSQL and Kafka. */
@QuarkusTest
class TrioRoundsTest {
    static final String ROUNDS = "/api/participants/trio-rounds";
    static final String LEAD = TestTokens.of("petra", Roles.PROJECT_LEAD);

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

    @Test
    void aMoveBreakingARuleIsRefusedUnlessTheProjectLeadForcesIt() {
        organisation("MV-");
        long roundId = as(LEAD).body(Map.of("name", "Hösten", "unitCodes", List.of("MV-ROOT"), "seed", 7))
                .post(ROUNDS).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath groups = as(LEAD).queryParam("unit", "MV-A").get(ROUNDS + "/" + roundId + "/groups").then().extract().jsonPath();
        long four = groups.getLong("items.find { it.members.size() == 4 }.id");
        long three = groups.getLong("items.find { it.members.size() == 3 }.id");
        String fromFour = groups.getString("items.find { it.members.size() == 4 }.members[0].employeeNumber");
        String fromThree = groups.getString("items.find { it.members.size() == 3 }.members[0].employeeNumber");

        // four → three is fine both ways round: 3 and 4 again
        as(LEAD).body(Map.of("employeeNumber", fromFour, "toGroupId", three)).post(ROUNDS + "/" + roundId + "/moves")
                .then().statusCode(200).body("members", hasSize(4));
        // now the three would be left with two and the four become five: refused, naming the rule
        as(LEAD).body(Map.of("employeeNumber", fromThree, "toGroupId", three)).post(ROUNDS + "/" + roundId + "/moves")
                .then().statusCode(200);
        String another = as(LEAD).get(ROUNDS + "/" + roundId + "/groups?unit=MV-A").then().extract().jsonPath()
                .getString("items.find { it.id == " + four + " }.members[0].employeeNumber");
        as(LEAD).body(Map.of("employeeNumber", another, "toGroupId", three)).post(ROUNDS + "/" + roundId + "/moves")
                .then().statusCode(400).contentType("application/problem+json").body("errors.rule", hasItem("GroupSize"));
        // the unit's manager may not force; the project lead may
        String manager = TestTokens.of("mv-m", Roles.MANAGER, "MV-M");
        as(manager).body(Map.of("employeeNumber", another, "toGroupId", three, "force", true))
                .post(ROUNDS + "/" + roundId + "/moves").then().statusCode(403);
        as(LEAD).body(Map.of("employeeNumber", another, "toGroupId", three, "force", true))
                .post(ROUNDS + "/" + roundId + "/moves").then().statusCode(200).body("members", hasSize(5));
        // another round's group: refused
        as(LEAD).body(Map.of("employeeNumber", another, "toGroupId", 999_999)).post(ROUNDS + "/" + roundId + "/moves")
                .then().statusCode(404);
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
        as(HR).header("If-Match", etag).body(Map.of("endDate", LocalDate.now().toString()))
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
