package se.kasam.sickleave;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.service.RetentionService;
import se.kasam.sickleave.service.RetentionService.Purge;
import se.kasam.testing.TestTokens;

/**
 * The retention job: closed years past the retention are rolled up, their individual spells and facts purged, and
 * the statutory figures of those years come out as before, suppressed as before. Nothing else in the test suite
 * has data before 2020, so this class archives 2018 and 2019 of the shared database.
 */
@QuarkusTest
class RetentionTest {
    static final String HR = TestTokens.of("hr-system", Roles.HR_INTEGRATION);
    static final String HANNA = TestTokens.of("hanna", Roles.HR_ADMIN);
    static final List<String> ASKED = List.of(
            "/api/sickleave/statistics?unit=RET&from=2018-01&to=2018-12",
            "/api/sickleave/statistics?unit=RET&from=2018-01&to=2019-12",
            "/api/sickleave/statistics?unit=RET&from=2019-05&to=2019-05",
            "/api/sickleave/statistics/monthly?unit=RET&from=2019-04&to=2019-06",
            "/api/sickleave/statistics/units?unit=RET&from=2018-01&to=2018-12");

    @Inject
    RetentionService retention;

    @Inject
    EntityManager em;

    @Inject
    se.kasam.sickleave.service.PublicationService publication;

    @Inject
    ObjectMapper json;

    @Test
    void closedYearsAreArchived_theirSpellsPurged_andTheirFiguresUnchanged() throws Exception {
        // RET-A: 12 women, RET-B: 2 men; all full time since 2018
        Organisation organisation = new Organisation().unit("RET", null).unit("RET-A", "RET").unit("RET-B", "RET");
        for (int i = 1; i <= 12; i++) {
            organisation.employee("RET-W%02d".formatted(i), "RET-A", "FEMALE", 1980, 100, 1, "2018-01-01");
        }
        organisation.employee("RET-M1", "RET-B", "MALE", 1975, 100, 1, "2018-01-01")
                .employee("RET-M2", "RET-B", "MALE", 1975, 100, 1, "2018-01-01").awaitProjected(em);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("""
                {"spells": [
                  {"spellId": "RET-S1", "employeeNumber": "RET-W01", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2018-03-01", "lastDay": "2018-03-10", "extent": 100}]},
                  {"spellId": "RET-S2", "employeeNumber": "RET-W02", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2019-05-01", "lastDay": "2019-05-20", "extent": 50}]},
                  {"spellId": "RET-S3", "employeeNumber": "RET-M1", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2019-12-20", "lastDay": "2020-01-10", "extent": 100}]},
                  {"spellId": "RET-S4", "employeeNumber": "RET-W03", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2018-09-03", "lastDay": "2018-09-07", "extent": 100}]},
                  {"spellId": "RET-S5", "employeeNumber": "RET-W04", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2020-01-13", "lastDay": "2020-01-22", "extent": 100}]}
                ]}""").post("/api/sickleave/spells/import").then().statusCode(200);
        publication.refreshNow(java.time.Duration.ofSeconds(60));
        Map<String, JsonNode> before = ask();
        // 2018: 10 + 5 sick days of 14 employees × 365 days; the men (2) hidden, so the women too
        JsonNode year2018 = before.get(ASKED.get(0));
        assertEquals(0.29, figure(year2018, "TOTAL").get("percent").asDouble());
        assertEquals("GROUP_TOO_SMALL", figure(year2018, "MEN").get("suppressed").asText());
        assertEquals("COMPLEMENTARY", figure(year2018, "WOMEN").get("suppressed").asText());

        Purge purge = retention.purge(LocalDate.of(2020, 1, 1));

        assertEquals(List.of(2018, 2019), purge.yearsArchived());
        assertTrue(purge.spellsPurged() >= 3, "RET-S1, RET-S2 and RET-S4");
        given().auth().oauth2(HANNA).get("/api/sickleave/spells/RET-S1").then().statusCode(404);
        given().auth().oauth2(HANNA).get("/api/sickleave/spells/RET-S2").then().statusCode(404);
        // it reaches into a kept month: recomputing RET-M1 must still see it
        given().auth().oauth2(HANNA).get("/api/sickleave/spells/RET-S3").then().statusCode(200)
                .body("firstDay", equalTo("2019-12-20"));
        assertEquals(0, count("employee_month where month < '2020-01-01'"));
        assertEquals(0, count("employee_year where year < 2020"));
        assertEquals(before, ask(), "the archived years answer as the facts did");
        // the year that is kept counts RET-S3's January days (10, beside RET-S5's 10)
        assertEquals(1, count("employee_month where employee_number = 'RET-M1' and month = '2020-01-01'"
                + " and sick_0 + sick_1 + sick_2 > 0"));
        // but its total (0.39 %: 20 of 14 × 366 days) is not shown: beside it, the women (one of them sick: RET-S5)
        // and the two men are both hidden, and the total alone would bound her ten days to at most 20 of 12 × 366,
        // under the protection interval
        given().auth().oauth2(HANNA).get("/api/sickleave/statistics?unit=RET&from=2020-01&to=2020-12").then()
                .statusCode(200).body("figures.find { it.key == 'TOTAL' }.suppressed", equalTo("COMPLEMENTARY"))
                .body("figures.find { it.key == 'WOMEN' }.suppressed", equalTo("SINGLE_PERSON"));
        // January is: 20 of 14 × 31 days; with the year hidden it bounds her days only to 20 of 12 × 31 (5.38 %)
        given().auth().oauth2(HANNA).get("/api/sickleave/statistics?unit=RET&from=2020-01&to=2020-01").then()
                .statusCode(200).body("figures.find { it.key == 'TOTAL' }.percent", equalTo(4.61f));
        assertEquals(List.of(), retention.purge(LocalDate.of(2020, 1, 1)).yearsArchived(), "a second run does nothing");
    }

    private Map<String, JsonNode> ask() throws Exception {
        Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
        for (String path : ASKED) {
            answers.put(path, json.readTree(given().auth().oauth2(HANNA).get(path).then().statusCode(200)
                    .extract().asString()));
        }
        return answers;
    }

    private static JsonNode figure(JsonNode report, String key) {
        for (JsonNode figure : report.get("figures")) {
            if (figure.get("key").asText().equals(key)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + key + " in " + report);
    }

    private long count(String from) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + from).getSingleResult()).longValue());
    }
}
