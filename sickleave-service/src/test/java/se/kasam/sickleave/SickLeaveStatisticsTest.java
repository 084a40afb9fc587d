package se.kasam.sickleave;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/**
 * Spells in, statutory figures out, against real PostgreSQL and Kafka, with figures computed by hand. Organisation:
 * SLT (manager SLT-M1, born 1960) with SLT-A (12 women born 1980, SLT-W01 its manager; 3 men born 1990) and SLT-B
 * (11 women born 1970); everyone full time, 40 h a week, since 2020. In 2025 a day of ordinary time is 40/7 hours
 * for everyone, so each rate is weighted sick days ÷ (head count × 365).
 */
@QuarkusTest
class SickLeaveStatisticsTest {
    static final String HR = TestTokens.of("hr-system", Roles.HR_INTEGRATION);
    static final String HANNA = TestTokens.of("hanna", Roles.HR_ADMIN);
    static final String EVALUATOR = TestTokens.of("eva", Roles.EVALUATOR);
    static final String MANAGER_A = TestTokens.withRoles("anna", List.of(Roles.MANAGER, Roles.EMPLOYEE), "SLT-W01");

    @Inject
    EntityManager em;

    @Inject
    se.kasam.sickleave.service.PublicationService publication;

    private static boolean loaded;

    /** Once per class, but after Quarkus started (a @BeforeAll would run before the HTTP port is known). */
    @BeforeEach
    void organisation() {
        if (loaded) {
            return;
        }
        loaded = true;
        Organisation org = new Organisation().unit("SLT", null, "SLT-M1").unit("SLT-A", "SLT", "SLT-W01").unit("SLT-B", "SLT")
                .employee("SLT-M1", "SLT", "FEMALE", 1960);
        for (int i = 1; i <= 12; i++) {
            org.employee("SLT-W%02d".formatted(i), "SLT-A", "FEMALE", 1980);
        }
        for (int i = 1; i <= 3; i++) {
            org.employee("SLT-AM" + i, "SLT-A", "MALE", 1990);
        }
        for (int i = 1; i <= 11; i++) {
            org.employee("SLT-B%02d".formatted(i), "SLT-B", "FEMALE", 1970);
        }
        org.awaitProjected(em);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("""
                {"spells": [
                  {"spellId": "SLT-S1", "employeeNumber": "SLT-W02", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-03-01", "lastDay": "2025-03-10", "extent": 100}]},
                  {"spellId": "SLT-S2", "employeeNumber": "SLT-W03", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-01-01", "lastDay": "2025-01-31", "extent": 100},
                               {"firstDay": "2025-02-01", "lastDay": "2025-03-31", "extent": 50}]},
                  {"spellId": "SLT-S3", "employeeNumber": "SLT-B01", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-06-01", "lastDay": "2025-06-05", "extent": 100}]},
                  {"spellId": "SLT-S4", "employeeNumber": "SLT-B02", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-06-01", "lastDay": "2025-06-04", "extent": 50}]},
                  {"spellId": "SLT-S5", "employeeNumber": "SLT-AM1", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2025-02-03", "lastDay": "2025-02-04", "extent": 100}]},
                  {"spellId": "SLT-P1", "employeeNumber": "SLT-W05", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2024-04-01", "lastDay": "2024-04-10", "extent": 100}]},
                  {"spellId": "SLT-P2", "employeeNumber": "SLT-W06", "kind": "SICK_LEAVE",
                   "periods": [{"firstDay": "2024-09-02", "lastDay": "2024-09-06", "extent": 100}]},
                  {"spellId": "SLT-S6", "employeeNumber": "SLT-W04", "kind": "CARE_OF_CHILD",
                   "periods": [{"firstDay": "2025-05-05", "lastDay": "2025-05-05", "extent": 100}]}
                ]}""").post("/api/sickleave/spells/import").then().statusCode(200)
                .body("spells.created", equalTo(8)).body("applied", equalTo(true));
        publication.refreshNow(java.time.Duration.ofSeconds(60));
    }

    @Test
    void theSevenFiguresOfASubtreeWithSuppression() {
        // 27 employees; weighted sick days 10 + (31 + 59/2) + 5 + 2 + 2 = 79.5 (care of a child is not sick leave)
        ValidatableResponse r = given().auth().oauth2(EVALUATOR).queryParam("unit", "SLT")
                .queryParam("from", "2025-01").queryParam("to", "2025-12")
                .get("/api/sickleave/statistics").then().log().ifValidationFails().statusCode(200).body("employees", equalTo(27));
        figure(r, "TOTAL").body("percent", equalTo(0.81f)).body("employees", equalTo(27)); // 79.5 / (27 × 365)
        // the long-term hours are one person's (SLT-W03): traceable, so not shown
        figure(r, "LONG_TERM_SHARE").body("percent", nullValue()).body("suppressed", equalTo("SINGLE_PERSON"));
        figure(r, "MEN").body("employees", equalTo(3)).body("suppressed", equalTo("GROUP_TOO_SMALL"));
        // women = total − men would give the men's figure away
        figure(r, "WOMEN").body("employees", equalTo(24)).body("suppressed", equalTo("COMPLEMENTARY"));
        // nobody is 29 or younger: hidden, but an empty group gives nothing away, so the other bands stay
        figure(r, "AGE_29_OR_YOUNGER").body("employees", equalTo(0)).body("suppressed", equalTo("GROUP_TOO_SMALL"));
        // 30-49: the 12 women of SLT-A and its 3 men, 72.5 days: 72.5 / (15 × 365)
        figure(r, "AGE_30_TO_49").body("employees", equalTo(15)).body("percent", equalTo(1.32f));
        // 50 or older: SLT-B's 11 women and SLT-M1, 5 + 2 days: 7 / (12 × 365)
        figure(r, "AGE_50_OR_OLDER").body("employees", equalTo(12)).body("percent", equalTo(0.16f));
    }

    @Test
    void aPeriodThatIsNoCellCountsEachEmployeeOnce_andIsShownOnlyIfItFollowsFromTheCellsShown() {
        // April 2024 - February 2026: 27 employees, each once; the figure would need months that are hidden
        ValidatableResponse r = given().auth().oauth2(EVALUATOR).queryParam("unit", "SLT")
                .queryParam("from", "2024-04").queryParam("to", "2026-02")
                .get("/api/sickleave/statistics").then().log().ifValidationFails().statusCode(200).body("employees", equalTo(27));
        figure(r, "TOTAL").body("suppressed", equalTo("NOT_DERIVABLE"));
        figure(r, "AGE_30_TO_49").body("employees", equalTo(15));
        // 2024-2025 is the two years shown: (15 + 79.5) days of 27 × 731
        figure(given().auth().oauth2(EVALUATOR).queryParam("unit", "SLT").queryParam("from", "2024-01")
                .queryParam("to", "2025-12").get("/api/sickleave/statistics").then().statusCode(200), "TOTAL")
                .body("percent", equalTo(0.48f));
    }

    @Test
    void theBreakdownHidesTheManagerAlone() {
        ValidatableResponse r = given().auth().oauth2(HANNA).queryParam("unit", "SLT")
                .queryParam("from", "2025-01").queryParam("to", "2025-12")
                .get("/api/sickleave/statistics/units").then().statusCode(200)
                .body("total.employees", equalTo(27)).body("ownStaff.employees", equalTo(1));
        r.body("ownStaff.figures.find { it.key == 'TOTAL' }.suppressed", equalTo("GROUP_TOO_SMALL"));
        // subtree = own staff + SLT-A + SLT-B: if the other three were shown, the manager's own figure would follow
        List<String> others = new ArrayList<>();
        others.add(r.extract().path("total.figures.find { it.key == 'TOTAL' }.suppressed"));
        others.addAll(r.extract().path("children.collect { c -> c.figures.find { it.key == 'TOTAL' }.suppressed }"));
        assertTrue(others.contains("COMPLEMENTARY"), "a second figure of the relation is hidden: " + others);
    }

    @Test
    void theMonthlySeriesCountsEachMonth() {
        given().auth().oauth2(HANNA).queryParam("unit", "SLT").queryParam("from", "2025-01").queryParam("to", "2025-12")
                .get("/api/sickleave/statistics/monthly").then().log().ifValidationFails().statusCode(200)
                .body("months.size()", equalTo(12))
                // February: SLT-W03 28 days at 50 % and SLT-AM1 2 days, 16 of 27 × 28
                .body("months.find { it.month == '2025-02' }.figures.find { it.key == 'TOTAL' }.percent", equalTo(2.12f))
                // ... both in 30-49: beside the total, 30-49 would give the other two bands together, none, and so
                // the one employee of 29 or younger had no sick leave
                .body("months.find { it.month == '2025-02' }.figures.find { it.key == 'AGE_29_OR_YOUNGER' }.suppressed", equalTo("GROUP_TOO_SMALL"))
                .body("months.find { it.month == '2025-02' }.figures.find { it.key == 'AGE_30_TO_49' }.suppressed", equalTo("COMPLEMENTARY"))
                // January: only SLT-W03 was sick
                .body("months.find { it.month == '2025-01' }.figures.find { it.key == 'TOTAL' }.suppressed", equalTo("SINGLE_PERSON"))
                // July: nobody sick. A total of 0 shown beside a hidden part would say the part is 0 too
                .body("months.find { it.month == '2025-07' }.figures.find { it.key == 'TOTAL' }.suppressed", equalTo("COMPLEMENTARY"));
    }

    @Test
    void aManagerSeesTheirOwnUnitsOnly() {
        given().auth().oauth2(MANAGER_A).queryParam("unit", "SLT-A").get("/api/sickleave/statistics?from=2025-01&to=2025-12")
                .then().statusCode(200).body("employees", equalTo(15));
        given().auth().oauth2(MANAGER_A).queryParam("unit", "SLT-B").get("/api/sickleave/statistics?from=2025-01&to=2025-12")
                .then().statusCode(404);
        given().auth().oauth2(MANAGER_A).queryParam("unit", "SLT").get("/api/sickleave/statistics?from=2025-01&to=2025-12")
                .then().statusCode(404);
        given().auth().oauth2(MANAGER_A).get("/api/sickleave/statistics").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "SLT-W02")).get("/api/sickleave/statistics")
                .then().statusCode(403);
    }

    @Test
    void badPeriodsAreNamed() {
        given().auth().oauth2(HANNA).get("/api/sickleave/statistics?from=2025-13").then().statusCode(400)
                .body("errors[0].field", equalTo("from")).body("errors[0].rule", equalTo("Format"));
        given().auth().oauth2(HANNA).get("/api/sickleave/statistics?from=2025-06&to=2025-01").then().statusCode(400)
                .body("errors[0].rule", equalTo("FromNotAfterTo"));
        given().auth().oauth2(HANNA).get("/api/sickleave/statistics?from=2017-01&to=2017-12").then().statusCode(400)
                .body("errors[0].rule", equalTo("NotBeforeFirstMonth"));
        given().auth().oauth2(HANNA).get("/api/sickleave/statistics?unit=NO-SUCH-UNIT").then().statusCode(404);
    }

    @Test
    void theProgrammeComparisonGivesTheChangeForWomenAndMen() {
        given().auth().oauth2(TestTokens.of("petra", Roles.PROJECT_LEAD)).queryParam("unit", "SLT")
                .queryParam("period", "before:2024-01/2024-12", "during:2025-01/2025-12")
                .get("/api/sickleave/statistics/programme").then().log().ifValidationFails().statusCode(200)
                .body("periods.name", equalTo(List.of("before", "during")))
                .body("changes.figure", hasItem("WOMEN"))
                // SLT, 27 employees: 2024 15 days / (27 × 366) = 0.15 %, 2025 79.5 days / (27 × 365) = 0.81 %
                .body("periods[0].figures.find { it.key == 'TOTAL' }.percent", equalTo(0.15f))
                .body("changes.find { it.figure == 'TOTAL' }.percentagePoints", equalTo(0.66f))
                // the men (3) are hidden, so are the women
                .body("changes.find { it.figure == 'MEN' }.percentagePoints", nullValue());
        // SLT-A alone in 2024 is not shown: SLT less SLT-A would be its manager and SLT-B, who had no sick leave
        given().auth().oauth2(TestTokens.of("petra", Roles.PROJECT_LEAD)).queryParam("unit", "SLT-A")
                .queryParam("period", "before:2024-01/2024-12").get("/api/sickleave/statistics/programme").then()
                .statusCode(200).body("periods[0].figures.find { it.key == 'TOTAL' }.suppressed", equalTo("COMPLEMENTARY"));
    }

    private static ValidatableResponse figure(ValidatableResponse r, String key) {
        String path = "figures.find { it.key == '" + key + "' }";
        return r.rootPath(path);
    }
}
