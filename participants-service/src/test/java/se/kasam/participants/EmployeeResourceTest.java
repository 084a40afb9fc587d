package se.kasam.participants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static se.kasam.participants.Fixtures.HR;
import static se.kasam.participants.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

@QuarkusTest
class EmployeeResourceTest {
    static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void organisation() {
        as(HR).body(Map.of("code", "ER-ROOT", "name", "Kommunen")).post("/api/participants/units");
        as(HR).body(Map.of("code", "ER-CARE", "name", "Äldreomsorg", "parentCode", "ER-ROOT")).post("/api/participants/units");
    }

    @Test
    void hrCreatesReadsAndUpdatesWithIfMatch() {
        String etag = as(HR).body(Fixtures.employee("ER-1", "ER-CARE")).post("/api/participants/employees")
                .then().statusCode(201).header("Location", containsString("/api/participants/employees/ER-1"))
                .body("version", equalTo(0)).extract().header("ETag");

        as(HR).get("/api/participants/employees/ER-1").then().statusCode(200)
                .body("name", equalTo("Anna Andersson")).body("employmentRate", equalTo(75.0f)).header("ETag", equalTo(etag));

        var changed = Fixtures.employee("ER-1", "ER-CARE");
        changed.put("employmentRate", 100);
        as(HR).body(changed).put("/api/participants/employees/ER-1")
                .then().statusCode(428).contentType(PROBLEM).body("type", equalTo("urn:kasam:problem:precondition-required"));
        as(HR).header("If-Match", "\"41\"").body(changed).put("/api/participants/employees/ER-1")
                .then().statusCode(412).contentType(PROBLEM);
        as(HR).header("If-Match", etag).body(changed).put("/api/participants/employees/ER-1")
                .then().statusCode(200).body("version", equalTo(1)).body("employmentRate", equalTo(100.0f));
        // the old ETag no longer matches: a second editor cannot overwrite silently
        as(HR).header("If-Match", etag).body(changed).put("/api/participants/employees/ER-1").then().statusCode(412);
    }

    @Test
    void badInputNamesFieldAndRuleAndWritesNothing() {
        var bad = Fixtures.employee("ER-BAD", "ER-CARE");
        bad.put("employmentRate", 130);
        bad.put("email", "not-an-address");
        as(HR).body(bad).post("/api/participants/employees")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:kasam:problem:validation"))
                .body("errors.field", hasItem("employmentRate")).body("errors.rule", hasItem("DecimalMax"))
                .body("errors.field", hasItem("email"));

        var unknownUnit = Fixtures.employee("ER-BAD", "NO-SUCH-UNIT");
        as(HR).body(unknownUnit).post("/api/participants/employees")
                .then().statusCode(400).body("errors[0].field", equalTo("unitCode")).body("errors[0].rule", equalTo("UnitExists"));

        var personnummer = Fixtures.employee("19121212-1212", "ER-CARE");
        as(HR).body(personnummer).post("/api/participants/employees")
                .then().statusCode(400).body("errors.rule", hasItem("NoPersonnummer"));

        as(HR).body("{\"employeeNumber\": \"ER-BAD\", ").post("/api/participants/employees")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:kasam:problem:malformed-body"));
        as(HR).body(Map.of("employeeNumber", "ER-BAD", "birthYear", "nineteen")).post("/api/participants/employees")
                .then().statusCode(400).body("errors[0].field", equalTo("birthYear"));

        as(HR).get("/api/participants/employees/ER-BAD").then().statusCode(404).contentType(PROBLEM);
        as(HR).get("/api/participants/employees/19121212-1212").then().statusCode(404);
    }

    @Test
    void listsAUnitSubtreeWithFilters() {
        as(HR).body(Map.of("code", "FL-ROOT", "name", "Barn och utbildning")).post("/api/participants/units");
        as(HR).body(Map.of("code", "FL-W", "name", "Skolan", "parentCode", "FL-ROOT")).post("/api/participants/units");
        as(HR).body(Fixtures.employee("FL-1", "FL-ROOT")).post("/api/participants/employees").then().statusCode(201);
        var man = Fixtures.employee("FL-2", "FL-W");
        man.put("legalGender", "MALE");
        as(HR).body(man).post("/api/participants/employees").then().statusCode(201);
        var left = Fixtures.employee("FL-3", "FL-W");
        left.put("endDate", "2020-01-31");
        as(HR).body(left).post("/api/participants/employees").then().statusCode(201);

        String list = "/api/participants/employees";
        as(HR).queryParam("unit", "FL-ROOT").get(list).then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("FL-1", "FL-2", "FL-3")));
        as(HR).queryParam("unit", "FL-ROOT").queryParam("active", true).get(list).then()
                .body("items.employeeNumber", equalTo(List.of("FL-1", "FL-2")));
        as(HR).queryParam("unit", "FL-W").queryParam("active", false).get(list).then()
                .body("items.employeeNumber", equalTo(List.of("FL-3")));
        as(HR).queryParam("unit", "FL-ROOT").queryParam("legalGender", "MALE").get(list).then()
                .body("items.employeeNumber", equalTo(List.of("FL-2")));
        as(HR).queryParam("unit", "FL-NOWHERE").get(list).then().statusCode(404);
    }

    @Test
    void tokensAndRolesAreChecked() {
        given().get("/api/participants/employees").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.expired("x", Roles.HR_ADMIN)).get("/api/participants/employees").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByAnotherKey("x", Roles.HR_ADMIN)).get("/api/participants/employees").then().statusCode(401);
        given().auth().oauth2(TestTokens.forAudience("x", Roles.HR_ADMIN, "another-api")).get("/api/participants/employees").then().statusCode(401);
        as(TestTokens.of("eva", Roles.EVALUATOR)).body(Fixtures.employee("ER-2", "ER-CARE")).post("/api/participants/employees")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:kasam:problem:forbidden"));
    }

    @Test
    void anEmployeeSeesOnlyThemselves() {
        as(HR).body(Fixtures.employee("ER-SELF", "ER-CARE")).post("/api/participants/employees").then().statusCode(201);
        as(HR).body(Fixtures.employee("ER-OTHER", "ER-CARE")).post("/api/participants/employees").then().statusCode(201);
        String token = TestTokens.of("anna", Roles.EMPLOYEE, "ER-SELF");
        as(token).get("/api/participants/employees/ER-SELF").then().statusCode(200);
        as(token).get("/api/participants/employees/ER-OTHER").then().statusCode(404).contentType(PROBLEM);
        as(token).get("/api/participants/employees").then().statusCode(403);
    }

    @Test
    void listsPageByPageWithinUnit() {
        as(HR).body(Map.of("code", "ER-PAGED", "name", "Förskola", "parentCode", "ER-ROOT")).post("/api/participants/units");
        for (int i = 0; i < 5; i++) {
            as(HR).body(Fixtures.employee("ER-P" + i, "ER-PAGED")).post("/api/participants/employees").then().statusCode(201);
        }
        as(HR).queryParam("unit", "ER-PAGED").queryParam("size", 2).queryParam("page", 1).get("/api/participants/employees")
                .then().statusCode(200).body("items.employeeNumber", org.hamcrest.Matchers.contains("ER-P2", "ER-P3"))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3));
        as(HR).queryParam("size", 0).get("/api/participants/employees").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aManagerSeesTheStaffOfTheirUnitsAndBelowAndNobodyElse() {
        as(HR).body(Map.of("code", "MG-A", "name", "Hemtjänst", "parentCode", "ER-ROOT", "managers", List.of("MG-BOSS")))
                .post("/api/participants/units");
        as(HR).body(Map.of("code", "MG-A1", "name", "Hemtjänst natt", "parentCode", "MG-A")).post("/api/participants/units");
        as(HR).body(Map.of("code", "MG-B", "name", "Skola", "parentCode", "ER-ROOT")).post("/api/participants/units");
        as(HR).body(Fixtures.employee("MG-BOSS", "MG-A")).post("/api/participants/employees");
        as(HR).body(Fixtures.employee("MG-X", "MG-A1")).post("/api/participants/employees");
        as(HR).body(Fixtures.employee("MG-Y", "MG-B")).post("/api/participants/employees");

        String boss = TestTokens.withRoles("magnus", List.of(Roles.MANAGER, Roles.EMPLOYEE), "MG-BOSS");
        as(boss).get("/api/participants/employees/MG-X").then().statusCode(200);
        as(boss).get("/api/participants/employees/MG-Y").then().statusCode(404).contentType(PROBLEM);
        as(boss).get("/api/participants/employees").then().statusCode(200)
                .body("items.employeeNumber", org.hamcrest.Matchers.contains("MG-BOSS", "MG-X"));
        as(boss).queryParam("unit", "MG-B").get("/api/participants/employees").then().statusCode(404);
        as(boss).get("/api/participants/me").then().statusCode(200).body("employeeNumber", equalTo("MG-BOSS"));

        String staff = TestTokens.of("ylva", Roles.EMPLOYEE, "MG-Y");
        as(staff).get("/api/participants/me").then().statusCode(200).body("unitCode", equalTo("MG-B"));
        as(staff).get("/api/participants/employees/MG-X").then().statusCode(404);
        // a manager role without managed units sees nobody else
        as(TestTokens.withRoles("nils", List.of(Roles.MANAGER), "MG-Y")).get("/api/participants/employees/MG-X")
                .then().statusCode(404);
        as(TestTokens.of("svc", Roles.EVALUATOR)).get("/api/participants/me").then().statusCode(404);
    }
}
