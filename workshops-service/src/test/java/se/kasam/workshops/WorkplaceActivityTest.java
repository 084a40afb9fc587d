package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** A manager records their unit's health-promoting meetings; they count in participation and hours. */
@QuarkusTest
class WorkplaceActivityTest {
    @Inject
    EntityManager em;

    @Test
    void aManagerRecordsTheirUnitsMeetingWithItsOwnStaffAndTheHoursCount() {
        Workplaces.unit(em, "WA-TOP", null, "WA-BOSS");
        Workplaces.unit(em, "WA-1", "WA-TOP");
        Workplaces.unit(em, "WA-OTHER", null);
        Workplaces.staff(em, "WA1-", 4, "WA-1");
        Workplaces.staff(em, "WAO-", 2, "WA-OTHER");
        String boss = TestTokens.of("boss", Roles.MANAGER, "WA-BOSS");
        String meeting = """
                {"kind":"WORKPLACE_MEETING","theme":"Hanterbarhet: återhämtning","date":"2020-05-19","minutes":90,
                 "attendees":["WA1-0001","WA1-0002","WA1-0003"]}""";

        given().auth().oauth2(boss).contentType(ContentType.JSON).body(meeting)
                .post("/api/workshops/units/WA-OTHER/activities").then().statusCode(404);
        given().auth().oauth2(Sessions.employee("WA1-0001")).contentType(ContentType.JSON).body(meeting)
                .post("/api/workshops/units/WA-1/activities").then().statusCode(403);
        given().auth().oauth2(boss).contentType(ContentType.JSON).body(meeting.replace("WA1-0003", "WAO-0001"))
                .post("/api/workshops/units/WA-TOP/activities").then().statusCode(400).body("errors[0].field", equalTo("attendees"));
        given().auth().oauth2(boss).contentType(ContentType.JSON).body(meeting.replace("WORKPLACE_MEETING", "PARTY"))
                .post("/api/workshops/units/WA-1/activities").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(boss).contentType(ContentType.JSON).body(meeting)
                .post("/api/workshops/units/WA-1/activities").then().statusCode(201).body("minutes", equalTo(90));

        given().auth().oauth2(boss).get("/api/workshops/units/WA-OTHER/activities").then().statusCode(404);
        given().auth().oauth2(boss).get("/api/workshops/units/WA-1/activities").then().statusCode(200)
                .body("items.theme", contains("Hanterbarhet: återhämtning"));
        given().auth().oauth2(Sessions.employee("WA1-0002")).get("/api/workshops/me").then()
                .body("hours", equalTo(1.5f)).body("hoursByActivity[0].activity", equalTo("WORKPLACE_MEETING"));
        given().auth().oauth2(boss).get("/api/workshops/employees/WA1-0004/progress").then().statusCode(200)
                .body("hours", equalTo(0));
    }
}
