package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner end to end: a plan for two workplaces' staff, read while solving, accepted into bookings. */
@QuarkusTest
class PlanTest {
    @Inject
    EntityManager em;

    @Test
    void aPlanPlacesEveryoneWithinTheRulesAndAcceptingItBooksThem() {
        Workplaces.unit(em, "PL-TOP", null);
        Workplaces.unit(em, "PL-A", "PL-TOP");
        Workplaces.unit(em, "PL-B", "PL-TOP");
        Workplaces.staff(em, "PLA-", 20, "PL-A");
        Workplaces.staff(em, "PLB-", 10, "PL-B");
        Workplaces.trioGroup(em, 880_001, "PL-A", "PLA-0001", "PLA-0002", "PLA-0003");
        // PLB-0001 cannot come on the window's weekdays of its first week
        LocalDate firstDay = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        List<String> away = java.util.stream.IntStream.range(0, 7).mapToObj(i -> "\"" + firstDay.plusDays(i) + "\"").toList();
        given().auth().oauth2(Sessions.employee("PLB-0001")).contentType(ContentType.JSON)
                .body("{\"days\":[" + String.join(",", away) + "]}").put("/api/workshops/me/unavailable-days").then()
                .statusCode(200).body("days.size()", equalTo(7));
        given().auth().oauth2(Sessions.employee("PLB-0001")).contentType(ContentType.JSON).body("{\"days\":[\"2001-01-01\"]}")
                .put("/api/workshops/me/unavailable-days").then().statusCode(400).body("errors[0].field", equalTo("days[0]"));
        // one planned session of the first module, half full with others, two months ahead
        LocalDate from = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        Sessions.plan("GOD-ARBETSMILJO", from.plusDays(3).atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Stockholm"))
                .toOffsetDateTime(), 12);
        String body = """
                {"modules":["GOD-ARBETSMILJO","HALSA-ORK"],"units":["PL-TOP"],"from":"%s","to":"%s","seats":10,
                 "timeLimitSeconds":3,"places":[{"name":"Strömsund","latitude":63.85,"longitude":15.56}]}"""
                .formatted(from, from.plusMonths(2));
        String id = given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(body)
                .post("/api/workshops/plans").then().statusCode(202).body("status", equalTo("SOLVING"))
                .body("parties", equalTo(2 * (30 - 2))).extract().path("id");
        given().auth().oauth2(Sessions.employee("PLA-0001")).get("/api/workshops/plans/" + id).then().statusCode(403);
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body(body.replace("\"to\":\"", "\"to\":\"1999-"))
                .post("/api/workshops/plans").then().statusCode(400);

        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Sessions.LEAD)
                .get("/api/workshops/plans/" + id).then().extract().path("status").equals("DONE"));
        JsonPath plan = given().auth().oauth2(Sessions.LEAD).get("/api/workshops/plans/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(plan.getBoolean("feasible"), plan.getString("score") + " " + plan.getString("proposal.unplacedGroups"));
        assertEquals(60, plan.getInt("proposal.placed"));
        assertEquals(0, plan.getInt("proposal.unplaced"));
        // the rules, read off the proposal: seats, the trio together, the second module after the first
        Map<String, OffsetDateTime> firstEnds = new HashMap<>();
        List<Map<String, Object>> sessions = plan.getList("proposal.sessions");
        for (Map<String, Object> s : sessions) {
            List<Map<String, Object>> groups = (List<Map<String, Object>>) s.get("groups");
            int people = groups.stream().mapToInt(g -> ((List<?>) g.get("employees")).size()).sum();
            assertTrue(people <= (Integer) s.get("seats") || s.get("sessionId") != null, s.toString());
            for (Map<String, Object> g : groups) {
                List<String> who = (List<String>) g.get("employees");
                if (who.contains("PLA-0001")) {
                    assertEquals(Set.of("PLA-0001", "PLA-0002", "PLA-0003"), new HashSet<>(who));
                }
                if (s.get("moduleCode").equals("GOD-ARBETSMILJO")) {
                    who.forEach(w -> firstEnds.put(w, OffsetDateTime.parse((String) s.get("endsAt"))));
                    if (who.contains("PLB-0001")) {
                        assertTrue(!OffsetDateTime.parse((String) s.get("startsAt")).toLocalDate().isBefore(firstDay.plusDays(7)), s.toString());
                    }
                }
            }
        }
        for (Map<String, Object> s : sessions) {
            if (s.get("moduleCode").equals("HALSA-ORK")) {
                for (Map<String, Object> g : (List<Map<String, Object>>) s.get("groups")) {
                    for (String w : (List<String>) g.get("employees")) {
                        assertTrue(!firstEnds.get(w).isAfter(OffsetDateTime.parse((String) s.get("startsAt"))), w);
                    }
                }
            }
        }

        JsonPath accepted = given().auth().oauth2(Sessions.LEAD).post("/api/workshops/plans/" + id + "/accept").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(60, accepted.getInt("booked"), accepted.prettify());
        long booked = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from booking where status = 'BOOKED' and (employee_number like 'PLA-%' or employee_number like 'PLB-%')")
                .getSingleResult()).longValue());
        assertEquals(60, booked);
        given().auth().oauth2(Sessions.LEAD).post("/api/workshops/plans/" + id + "/accept").then().statusCode(409);
    }
}
