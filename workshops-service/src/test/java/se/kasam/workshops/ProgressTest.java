package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** Progress through the modules: per employee, and per unit subtree with its small groups hidden. */
@QuarkusTest
class ProgressTest {
    @Inject
    EntityManager em;

    @Test
    void aUnitsProgressShowsHowManyAreThroughAndHidesASmallUnit() {
        Workplaces.unit(em, "PG-TOP", null, "PG-BOSS");
        Workplaces.unit(em, "PG-A", "PG-TOP");
        Workplaces.unit(em, "PG-B", "PG-TOP");
        Workplaces.staff(em, "PGA-", 12, "PG-A");
        Workplaces.staff(em, "PGB-", 3, "PG-B");
        attend("GOD-ARBETSMILJO", OffsetDateTime.parse("2019-10-01T09:00:00+02:00"), 12);
        attend("HALSA-ORK", OffsetDateTime.parse("2020-02-01T09:00:00+01:00"), 6);
        attend("ARBETSPLATSER-SOM-LYCKAS", OffsetDateTime.parse("2020-09-01T09:00:00+02:00"), 3);
        String boss = TestTokens.of("boss", Roles.MANAGER, "PG-BOSS");

        given().auth().oauth2(boss).queryParam("unit", "PG-B").get("/api/workshops/progress").then().statusCode(200)
                .body("modules", contains("GOD-ARBETSMILJO", "HALSA-ORK", "ARBETSPLATSER-SOM-LYCKAS"))
                .body("groups[0].reason", equalTo("GROUP_TOO_SMALL")).body("groups[0].done", org.hamcrest.Matchers.nullValue())
                // nobody is a man here: nought, which tells nothing of anyone
                .body("groups[2].group", equalTo("MALE")).body("groups[2].staff", equalTo(0));
        // A and B are all of TOP: TOP and A are never both shown (which one is, the whole publication decides), and
        // what is shown is right
        var top = given().auth().oauth2(boss).queryParam("unit", "PG-TOP").get("/api/workshops/progress").then()
                .statusCode(200).extract().jsonPath();
        var a = given().auth().oauth2(boss).queryParam("unit", "PG-A").get("/api/workshops/progress").then()
                .statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertFalse(top.get("groups[0].reason") == null && a.get("groups[0].reason") == null,
                "PG-TOP minus PG-A would give PG-B");
        // (the publication covers every unit the other tests made too, so both may be hidden to protect theirs)
        if (top.get("groups[0].reason") == null) {
            org.junit.jupiter.api.Assertions.assertEquals(List.of(3, 6, 3, 3), top.getList("groups[0].done.employees"));
            org.junit.jupiter.api.Assertions.assertEquals(15, top.getInt("groups[0].staff"));
        }
        if (a.get("groups[0].reason") == null) {
            org.junit.jupiter.api.Assertions.assertEquals(List.of(0, 6, 3, 3), a.getList("groups[0].done.employees"));
            org.junit.jupiter.api.Assertions.assertEquals(0.25f, a.getFloat("groups[0].done[3].share"));
        } else {
            org.junit.jupiter.api.Assertions.assertEquals("COMPLEMENTARY", a.get("groups[0].reason"));
        }

        given().auth().oauth2(TestTokens.of("other", Roles.MANAGER, "SOMEONE-ELSE")).queryParam("unit", "PG-A")
                .get("/api/workshops/progress").then().statusCode(404);
        given().auth().oauth2(boss).get("/api/workshops/progress").then().statusCode(400);
        given().auth().oauth2(boss).queryParam("unit", "PG-B").queryParam("on", "2021-02-30").get("/api/workshops/progress")
                .then().statusCode(400).body("errors[0].field", equalTo("on"));
        // before any of them was employed: nobody
        given().auth().oauth2(boss).queryParam("unit", "PG-B").queryParam("on", "2014-12-31").get("/api/workshops/progress")
                .then().statusCode(200).body("on", equalTo("2014-12-31")).body("groups[0].staff", equalTo(0));
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "PGA-0001")).get("/api/workshops/progress")
                .then().statusCode(403);

        given().auth().oauth2(Sessions.employee("PGA-0001")).get("/api/workshops/employees/PGA-0001/progress").then()
                .statusCode(200).body("modulesDone", contains("GOD-ARBETSMILJO", "HALSA-ORK", "ARBETSPLATSER-SOM-LYCKAS"))
                .body("modulesForAllDone", equalTo(3)).body("hours", equalTo(9.0f));
        given().auth().oauth2(boss).get("/api/workshops/employees/PGA-0012/progress").then().statusCode(200)
                .body("modulesForAllDone", equalTo(1));
        given().auth().oauth2(Sessions.employee("PGA-0002")).get("/api/workshops/employees/PGA-0001/progress").then()
                .statusCode(403);
    }

    /** The first {@code count} of unit A's staff attend a session of the module. */
    private static void attend(String module, OffsetDateTime at, int count) {
        String session = Sessions.plan(module, at, 20);
        List<String> marks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String booking = given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON)
                    .body("{\"employeeNumber\":\"" + Workplaces.number("PGA-", i) + "\"}")
                    .post("/api/workshops/sessions/" + session + "/bookings").then().statusCode(201).extract().path("id");
            marks.add("{\"bookingId\":\"" + booking + "\",\"status\":\"ATTENDED\"}");
        }
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body("{\"marks\":[" + String.join(",", marks) + "]}")
                .put("/api/workshops/sessions/" + session + "/attendance").then().statusCode(200);
    }
}
