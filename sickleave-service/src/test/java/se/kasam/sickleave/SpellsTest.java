package se.kasam.sickleave;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.mapping.FollowUpChanged;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.TestTokens;

/** Spells in (batch, CSV, single), who may read them, the audit log and follow-up signals. */
@QuarkusTest
class SpellsTest {
    static final String HR = TestTokens.of("hr-system", Roles.HR_INTEGRATION);
    static final String HANNA = TestTokens.of("hanna", Roles.HR_ADMIN);
    static final String MAGNUS = TestTokens.withRoles("magnus", List.of(Roles.MANAGER, Roles.EMPLOYEE), "SPT-M");
    static final String EMMA = TestTokens.of("emma", Roles.EMPLOYEE, "SPT-E1");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static boolean loaded;

    @BeforeEach
    void organisation() {
        if (!loaded) {
            loaded = true;
            new Organisation().unit("SPT", null, "SPT-M").unit("SPT-X", null)
                    .employee("SPT-M", "SPT", "MALE", 1970).employee("SPT-E1", "SPT", "FEMALE", 1985)
                    .employee("SPT-E2", "SPT", "FEMALE", 1990).employee("SPT-O1", "SPT-X", "MALE", 1980)
                    .awaitProjected(em);
        }
    }

    @Test
    void anAtomicBatchWithBadRowsNamesEachAndWritesNothing() {
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("""
                {"spells": [
                  {"spellId": "SPT-A1", "employeeNumber": "SPT-E1", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-01-10", "lastDay": "2025-01-20", "extent": 100}]},
                  {"spellId": "SPT-A2", "employeeNumber": "SPT-E1", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-01-15", "lastDay": "2025-01-16", "extent": 100}]},
                  {"spellId": "SPT-A3", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-02-01", "lastDay": "2025-02-03", "extent": 30}]},
                  {"spellId": "SPT-A4", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-03-01", "lastDay": "2025-03-03", "extent": 100},
                               {"firstDay": "2025-03-05", "extent": 50}]},
                  {"spellId": "SPT-A5", "employeeNumber": "SPT-E2", "kind": "HOLIDAY", "periods": []},
                  {"spellId": "8503121231", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-05-01", "lastDay": "2025-05-01", "extent": 100}]}
                ]}""").post("/api/sickleave/spells/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("spells[2].periods", "spells[3].periods[0].extent",
                        "spells[4].periods[1].firstDay", "spells[5].kind", "spells[6].spellId"))
                .body("errors.find { it.field == 'spells[2].periods' }.rule", equalTo("NoOverlap"))
                .body("errors.find { it.field == 'spells[2].periods' }.message", containsString("SPT-A1"))
                .body("errors.find { it.field == 'spells[4].periods[1].firstDay' }.rule", equalTo("Contiguous"))
                .body("errors.find { it.field == 'spells[6].spellId' }.rule", equalTo("NoPersonnummer"))
                .body("errors.field", not(hasItem(containsString("spells[1]"))));
        given().auth().oauth2(HANNA).get("/api/sickleave/spells/SPT-A1").then().statusCode(404);
    }

    @Test
    void partialModeAppliesTheValidRows_aResendChangesNothing() {
        String batch = """
                {"spells": [
                  {"spellId": "SPT-P1", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2024-01-10", "lastDay": "2024-01-12", "extent": 100}]},
                  {"spellId": "SPT-P2", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2024-01-11", "lastDay": "2024-01-12", "extent": 100}]}
                ]}""";
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(batch).queryParam("mode", "partial")
                .post("/api/sickleave/spells/import").then().statusCode(200)
                .body("spells.created", equalTo(1)).body("spells.rejected", equalTo(1))
                .body("spellRows[1].outcome", equalTo("REJECTED")).body("spellRows[1].errors[0].rule", equalTo("NoOverlap"));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(batch).queryParam("mode", "dry-run")
                .post("/api/sickleave/spells/import").then().statusCode(200).body("applied", equalTo(false))
                .body("spellRows[0].outcome", equalTo("UNCHANGED"));
    }

    @Test
    void aCsvBatchHasALinePerPeriod() {
        String csv = "\uFEFFspellId;employeeNumber;kind;expectedLongTerm;firstDay;lastDay;extent\n"
                + "SPT-C1;SPT-E2;SICK_LEAVE;false;2023-05-01;2023-05-31;100\n"
                + "SPT-C1;SPT-E2;SICK_LEAVE;false;2023-06-01;2023-06-10;50\n";
        given().auth().oauth2(HR).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/sickleave/spells/import").then().statusCode(200).body("spells.created", equalTo(1));
        given().auth().oauth2(HANNA).get("/api/sickleave/spells/SPT-C1").then().statusCode(200)
                .body("firstDay", equalTo("2023-05-01")).body("lastDay", equalTo("2023-06-10"))
                .body("periods.extent", equalTo(List.of(100, 50)));
        given().auth().oauth2(HR).contentType("text/csv").body("spellId;sickness\nX;Y\n")
                .post("/api/sickleave/spells/import").then().statusCode(400)
                .body("errors[0].field", equalTo("spells.header")).body("errors[0].rule", equalTo("KnownColumn"));
    }

    @Test
    void singleWritesUseTheEtag() {
        String body = """
                {"spellId": "SPT-U1", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                 "periods": [{"firstDay": "2022-02-01", "lastDay": "2022-02-02", "extent": 100}]}""";
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"")
                .put("/api/sickleave/spells/SPT-U1").then().statusCode(412).contentType("application/problem+json");
        String etag = given().auth().oauth2(HR).contentType(ContentType.JSON).body(body).header("If-None-Match", "*")
                .put("/api/sickleave/spells/SPT-U1").then().statusCode(201)
                .header("Location", containsString("/api/sickleave/spells/SPT-U1")).extract().header("ETag");
        String changed = body.replace("\"extent\": 100", "\"extent\": 50");
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(changed).header("If-None-Match", "*")
                .put("/api/sickleave/spells/SPT-U1").then().statusCode(412);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(changed)
                .put("/api/sickleave/spells/SPT-U1").then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:kasam:problem:precondition-required"));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(changed)
                .header("If-Match", "\"7\"").put("/api/sickleave/spells/SPT-U1").then().statusCode(412);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(changed)
                .header("If-Match", etag).put("/api/sickleave/spells/SPT-U1").then().statusCode(200)
                .body("version", equalTo(2)).body("periods[0].extent", equalTo(50));
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(body.replace("SPT-U1\", \"employeeNumber", "SPT-U2\", \"employeeNumber"))
                .put("/api/sickleave/spells/SPT-U1").then().statusCode(400).body("errors[0].rule", equalTo("MatchesPath"));
        given().auth().oauth2(HR).delete("/api/sickleave/spells/SPT-U1").then().statusCode(428);
        given().auth().oauth2(HR).header("If-Match", etag).delete("/api/sickleave/spells/SPT-U1").then().statusCode(412);
        given().auth().oauth2(HR).header("If-Match", "\"2\"").delete("/api/sickleave/spells/SPT-U1").then().statusCode(204);
        given().auth().oauth2(HANNA).get("/api/sickleave/spells/SPT-U1").then().statusCode(404);
        given().auth().oauth2(EMMA).contentType(ContentType.JSON).body(body).put("/api/sickleave/spells/SPT-U1")
                .then().statusCode(403);
    }

    @Test
    void listsTakeOnlyValidPages() {
        for (String[] bad : new String[][]{{"size", "0"}, {"size", "501"}, {"page", "-1"}}) {
            for (String list : List.of("/api/sickleave/follow-ups", "/api/sickleave/audit", "/api/sickleave/employees/SPT-E1/spells")) {
                given().auth().oauth2(HANNA).queryParam(bad[0], bad[1]).get(list).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]))
                        .body("errors[0].rule", equalTo(bad[0].equals("page") || bad[1].equals("0") ? "Min" : "Max"));
            }
        }
        given().auth().oauth2(HANNA).queryParam("size", "500").get("/api/sickleave/follow-ups").then().statusCode(200)
                .body("size", equalTo(500));
        given().auth().oauth2(EMMA).queryParam("size", "0").get("/api/sickleave/me/spells").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void individualSpellsAreForHrTheManagerAndTheEmployee_andEveryReadIsAudited() {
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("""
                {"spellId": "SPT-R1", "employeeNumber": "SPT-E1", "kind": "SICK_LEAVE",
                 "periods": [{"firstDay": "2025-08-04", "lastDay": "2025-08-05", "extent": 100}]}""")
                .put("/api/sickleave/spells/SPT-R1").then().statusCode(201);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("""
                {"spellId": "SPT-R2", "employeeNumber": "SPT-O1", "kind": "SICK_LEAVE",
                 "periods": [{"firstDay": "2025-08-04", "lastDay": "2025-08-05", "extent": 100}]}""")
                .put("/api/sickleave/spells/SPT-R2").then().statusCode(201);
        given().auth().oauth2(MAGNUS).get("/api/sickleave/employees/SPT-E1/spells").then().log().ifValidationFails().statusCode(200)
                .body("items.spellId", hasItem("SPT-R1"));
        given().auth().oauth2(EMMA).get("/api/sickleave/me/spells").then().statusCode(200).body("items.spellId", hasItem("SPT-R1"));
        given().auth().oauth2(EMMA).get("/api/sickleave/spells/SPT-R1").then().statusCode(200);
        // someone else's: as if there were nothing
        given().auth().oauth2(MAGNUS).get("/api/sickleave/employees/SPT-O1/spells").then().statusCode(404);
        // a spell by its id: not found by that id, never naming whose it is
        given().auth().oauth2(MAGNUS).get("/api/sickleave/spells/SPT-R2").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.equalTo("spell SPT-R2 not found"));
        given().auth().oauth2(EMMA).get("/api/sickleave/employees/SPT-E2/spells").then().statusCode(404);
        given().auth().oauth2(TestTokens.of("petra", Roles.PROJECT_LEAD)).get("/api/sickleave/employees/SPT-E1/spells")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("eva", Roles.EVALUATOR)).get("/api/sickleave/spells/SPT-R1").then().statusCode(403);
        given().auth().oauth2(HANNA).queryParam("employee", "SPT-E1").get("/api/sickleave/audit").then().statusCode(200)
                .body("items.actor", hasItems("magnus", "emma"))
                .body("items.endpoint", hasItems("GET /api/sickleave/employees/{employeeNumber}/spells",
                        "GET /api/sickleave/me/spells", "GET /api/sickleave/spells/{spellId}"));
        given().auth().oauth2(HANNA).queryParam("employee", "SPT-O1").get("/api/sickleave/audit").then().statusCode(200)
                .body("items.actor", not(hasItem("magnus")));
        given().auth().oauth2(MAGNUS).get("/api/sickleave/audit").then().statusCode(403);
    }

    @Test
    void repeatedAbsenceAndALongSpellRaiseSignalsForTheManager() throws Exception {
        StringBuilder spells = new StringBuilder("{\"spells\": [");
        LocalDate day = LocalDate.of(2025, 1, 6);
        for (int i = 1; i <= 6; i++, day = day.plusDays(30)) {
            spells.append("""
                    {"spellId": "SPT-F%d", "employeeNumber": "SPT-E2", "kind": "SICK_LEAVE",
                     "periods": [{"firstDay": "%s", "lastDay": "%s", "extent": 100}]},""".formatted(i, day, day.plusDays(1)));
        }
        spells.append("""
                {"spellId": "SPT-FL", "employeeNumber": "SPT-E1", "kind": "SICK_LEAVE", "expectedLongTerm": true,
                 "periods": [{"firstDay": "2025-10-01", "lastDay": "2025-11-30", "extent": 100}]}]}""");
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(spells.toString())
                .post("/api/sickleave/spells/import").then().statusCode(200);
        given().auth().oauth2(MAGNUS).get("/api/sickleave/follow-ups?size=100").then().statusCode(200)
                .body("items.findAll { it.employeeNumber == 'SPT-E2' }.kind", hasItem("REPEATED_SHORT_TERM"))
                .body("items.find { it.employeeNumber == 'SPT-E2' && it.kind == 'REPEATED_SHORT_TERM' }.dueOn",
                        equalTo(LocalDate.of(2025, 1, 6).plusDays(150).toString()))
                .body("items.find { it.employeeNumber == 'SPT-E1' }.kind", equalTo("RETURN_TO_WORK_PLAN"))
                .body("items.find { it.employeeNumber == 'SPT-E1' }.dueOn", equalTo("2025-10-30"));
        var published = EventProbe.await(FollowUpChanged.TOPIC, r -> r.value().contains("SPT-E1"), 1, Duration.ofSeconds(15));
        JsonNode event = json.readTree(published.getFirst().value());
        assertEquals("RETURN_TO_WORK_PLAN", event.get("kind").asText());
        assertEquals("SPT", event.get("unitCode").asText());
        assertFalse(event.has("spellId") || event.has("extent") || event.has("periods"), "no health detail: " + event);
        EventSchemas.assertValid(published.getFirst());
        // HR corrects the spell: it lasted 20 days only, the signal is withdrawn
        String etag = given().auth().oauth2(HANNA).get("/api/sickleave/spells/SPT-FL").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(HR).contentType(ContentType.JSON).header("If-Match", etag).body("""
                {"spellId": "SPT-FL", "employeeNumber": "SPT-E1", "kind": "SICK_LEAVE", "expectedLongTerm": true,
                 "periods": [{"firstDay": "2025-10-01", "lastDay": "2025-10-20", "extent": 100}]}""")
                .put("/api/sickleave/spells/SPT-FL").then().statusCode(200);
        var withdrawal = EventProbe.await(FollowUpChanged.TOPIC, r -> r.value().contains("SPT-E1")
                && r.value().contains("\"withdrawn\":true"), 1, Duration.ofSeconds(15)).getFirst();
        assertEquals(event.get("id"), json.readTree(withdrawal.value()).get("id"), "the same signal, withdrawn");
        EventSchemas.assertValid(withdrawal);
        given().auth().oauth2(EMMA).get("/api/sickleave/follow-ups").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("other", List.of(Roles.MANAGER), "SPT-O1"))
                .get("/api/sickleave/follow-ups?size=100").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    /** The examples consumers' tests read match the published schemas. */
    @Test
    void theEventExamplesMatchTheirSchemas() {
        EventSchemas.assertExamplesValid();
    }

    @Test
    void aSpellOfAnEmployeeNotYetKnownIsCountedOnceTheyArrive() {
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("""
                {"spellId": "SPT-L1", "employeeNumber": "SPT-LATE", "kind": "SICK_LEAVE",
                 "periods": [{"firstDay": "2025-04-01", "lastDay": "2025-04-30", "extent": 100}]}""")
                .put("/api/sickleave/spells/SPT-L1").then().statusCode(201);
        assertEquals(0.0, sickHours("SPT-LATE"));
        new Organisation().employee("SPT-LATE", "SPT-X", "FEMALE", 1980).awaitProjected(em);
        await().atMost(Duration.ofSeconds(15)).until(() -> Math.abs(sickHours("SPT-LATE") - 30 * 40.0 / 7) < 1e-6);
    }

    private double sickHours(String employee) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(sick_0 + sick_1 + sick_2), 0) from employee_month where employee_number = ?1")
                .setParameter(1, employee).getSingleResult()).doubleValue());
    }
}
