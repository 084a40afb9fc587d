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

        // the children come from the same publication: B stays hidden whichever unit is asked for
        given().auth().oauth2(boss).queryParam("unit", "PG-TOP").get("/api/workshops/progress").then().statusCode(200)
                .body("children.unit", contains("PG-A", "PG-B"))
                .body("children[1].groups[0].reason", equalTo("GROUP_TOO_SMALL"))
                .body("children[0].groups[0].reason", equalTo(a.get("groups[0].reason")));

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
        // another's: not found, as for anyone who does not exist
        given().auth().oauth2(Sessions.employee("PGA-0002")).get("/api/workshops/employees/PGA-0001/progress").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void participationSumsAUnitsHoursAndTrioGroupsAndHidesASmallGroup() {
        Workplaces.unit(em, "PP-TOP", null, "PP-BOSS");
        Workplaces.unit(em, "PP-A", "PP-TOP");
        Workplaces.unit(em, "PP-B", "PP-TOP");
        Workplaces.staff(em, "PPA-", 6, "PP-A");
        Workplaces.staff(em, "PPB-", 2, "PP-B");
        Workplaces.trioGroup(em, 7101, "PP-A", "PPA-0001", "PPA-0002", "PPA-0003");
        Workplaces.trioGroup(em, 7102, "PP-A", "PPA-0004", "PPA-0005", "PPA-0006");
        Workplaces.trioGroup(em, 7103, "PP-B", "PPB-0001", "PPB-0002", "PPA-0006");
        String session = Sessions.plan("GOD-ARBETSMILJO", OffsetDateTime.parse("2019-11-05T09:00:00+01:00"), 20);
        List<String> marks = new ArrayList<>();
        for (String number : List.of("PPA-0001", "PPA-0002", "PPA-0003", "PPA-0004", "PPA-0005", "PPA-0006", "PPB-0001")) {
            String booking = given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON)
                    .body("{\"employeeNumber\":\"" + number + "\"}")
                    .post("/api/workshops/sessions/" + session + "/bookings").then().statusCode(201).extract().path("id");
            marks.add("{\"bookingId\":\"" + booking + "\",\"status\":\"ATTENDED\"}");
        }
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body("{\"marks\":[" + String.join(",", marks) + "]}")
                .put("/api/workshops/sessions/" + session + "/attendance").then().statusCode(200);
        given().auth().oauth2(Sessions.employee("PPA-0001")).contentType(ContentType.JSON)
                .body("{\"date\":\"2019-12-02\",\"minutes\":60,\"present\":[\"PPA-0001\",\"PPA-0002\",\"PPA-0003\"]}")
                .post("/api/workshops/trio-groups/7101/meetings").then().statusCode(201);
        String boss = TestTokens.of("boss", Roles.MANAGER, "PP-BOSS");

        // A: six women, 3 h each at the workshop and 1 h each for three of them at the trio meeting
        given().auth().oauth2(boss).queryParam("unit", "PP-A").queryParam("from", "2019-01").queryParam("to", "2021-06")
                .get("/api/workshops/participation").then().statusCode(200)
                .body("hours.group", contains("ALL", "FEMALE", "MALE"))
                .body("hours[0].participants", equalTo(6)).body("hours[0].hours", equalTo(21.0f))
                .body("hours[1].participants", equalTo(6)).body("hours[2].participants", equalTo(0))
                .body("trioGroups.formed", equalTo(2)).body("trioGroups.meeting", equalTo(1))
                .body("trioGroups.meetings", equalTo(1));
        // B: one participant is too few to be shown, for all and for women
        given().auth().oauth2(boss).queryParam("unit", "PP-B").queryParam("from", "2019-01").queryParam("to", "2021-06")
                .get("/api/workshops/participation").then().statusCode(200)
                .body("hours[0].reason", equalTo("GROUP_TOO_SMALL")).body("hours[0].hours", org.hamcrest.Matchers.nullValue())
                .body("hours[1].reason", equalTo("GROUP_TOO_SMALL")).body("trioGroups.formed", equalTo(1));
        // the span is the months asked for: the meeting in December is outside one that ends in November
        given().auth().oauth2(boss).queryParam("unit", "PP-TOP").queryParam("from", "2019-01").queryParam("to", "2019-11")
                .get("/api/workshops/participation").then().statusCode(200)
                .body("hours[0].participants", equalTo(7)).body("hours[0].hours", equalTo(21.0f))
                .body("trioGroups.formed", equalTo(3)).body("trioGroups.meeting", equalTo(0));

        given().auth().oauth2(TestTokens.of("other", Roles.MANAGER, "SOMEONE-ELSE")).queryParam("unit", "PP-A")
                .queryParam("from", "2019-01").queryParam("to", "2021-06").get("/api/workshops/participation")
                .then().statusCode(404);
        given().auth().oauth2(boss).queryParam("unit", "PP-A").queryParam("to", "2021-06").get("/api/workshops/participation")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(boss).queryParam("unit", "PP-A").queryParam("from", "2019-01").queryParam("to", "2018-06")
                .get("/api/workshops/participation").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestTokens.of("eva", Roles.EVALUATOR)).queryParam("from", "2019-01").queryParam("to", "2019-12")
                .get("/api/workshops/participation").then().statusCode(200).body("unit", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "PPA-0001")).queryParam("from", "2019-01")
                .queryParam("to", "2019-12").get("/api/workshops/participation").then().statusCode(403);
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
