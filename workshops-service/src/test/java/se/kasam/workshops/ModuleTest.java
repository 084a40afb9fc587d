package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

@QuarkusTest
class ModuleTest {
    @Inject
    EntityManager em;

    @Test
    void theProjectLeadAddsAModuleForChosenUnitsAndOnlyTheirStaffBookIt() {
        Workplaces.unit(em, "MOD-TOP", null);
        Workplaces.unit(em, "MOD-KIDS", "MOD-TOP");
        Workplaces.unit(em, "MOD-ELSE", null);
        Workplaces.staff(em, "MK-", 5, "MOD-KIDS");
        Workplaces.staff(em, "ME-", 5, "MOD-ELSE");
        String module = """
                {"code":"FORSKOLA-EXTRA","ordinal":42,"title":"Förskolans vardag","theme":"KASAM i barngruppen",
                 "hours":2.5,"audience":"UNITS","audienceUnits":["MOD-TOP"]}""";
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "MK-0001")).contentType(ContentType.JSON)
                .body(module).post("/api/workshops/modules").then().statusCode(403);
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(module.replace("[\"MOD-TOP\"]", "[]"))
                .post("/api/workshops/modules").then().statusCode(400).body("errors[0].field", equalTo("audienceUnits"));
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(module.replace("2.5", "0"))
                .post("/api/workshops/modules").then().statusCode(400).body("errors[0].field", equalTo("hours"));
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(module.replace("42", "1"))
                .post("/api/workshops/modules").then().statusCode(400).body("errors[0].rule", equalTo("Unique"));
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(module).post("/api/workshops/modules")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/workshops/modules/FORSKOLA-EXTRA"))
                .body("audienceUnits[0]", equalTo("MOD-TOP"));
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(module).post("/api/workshops/modules")
                .then().statusCode(409);

        String session = Sessions.plan("FORSKOLA-EXTRA", OffsetDateTime.now().plusDays(20), 10);
        given().auth().oauth2(Sessions.employee("MK-0001")).contentType(ContentType.JSON).body("{}")
                .post("/api/workshops/sessions/" + session + "/bookings").then().statusCode(201);
        given().auth().oauth2(Sessions.employee("ME-0001")).contentType(ContentType.JSON).body("{}")
                .post("/api/workshops/sessions/" + session + "/bookings").then().statusCode(409)
                .body("errors[0].rule", equalTo("Audience"));
    }

    @Test
    void aSessionNeedsAKnownModuleAnEndAfterItsStartAndKnownFacilitators() {
        String start = OffsetDateTime.now().plusDays(3).toString();
        String base = "{\"moduleCode\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"placeName\":\"Hembygdsgården\",\"capacity\":%d%s}";
        post(base.formatted("NOPE", start, OffsetDateTime.now().plusDays(3).plusHours(2), 10, ""), "moduleCode");
        post(base.formatted("GOD-ARBETSMILJO", start, start, 10, ""), "endsAt");
        post(base.formatted("GOD-ARBETSMILJO", start, OffsetDateTime.now().plusDays(3).plusHours(2), 0, ""), "capacity");
        post(base.formatted("GOD-ARBETSMILJO", start, OffsetDateTime.now().plusDays(3).plusHours(2), 10,
                ",\"facilitators\":[\"NOBODY\"]"), "facilitators[0]");
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body("{\"moduleCode\":").post("/api/workshops/sessions")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Sessions.LEAD).queryParam("status", "SOON").get("/api/workshops/sessions").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.containsString("status"));
        given().auth().oauth2(Sessions.LEAD).queryParam("from", "tomorrow").get("/api/workshops/sessions").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Sessions.LEAD).queryParam("from", "2020-01-01T00:00:00+01:00").get("/api/workshops/sessions")
                .then().statusCode(200);
    }

    private static void post(String body, String field) {
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(body).post("/api/workshops/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.containsString(field));
    }
}
