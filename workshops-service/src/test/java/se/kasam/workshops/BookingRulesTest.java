package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.TestTokens;

/** The booking rules one request at a time: one per module, module order, trio groups, leaving, access. */
@QuarkusTest
class BookingRulesTest {
    @Inject
    EntityManager em;

    private String unit;
    private String prefix;
    private final OffsetDateTime inAMonth = OffsetDateTime.now().plusDays(30).withHour(9).withMinute(0).withSecond(0).withNano(0);

    @BeforeEach
    void organisation() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        unit = "R-" + tag;
        prefix = "R" + tag + "-";
        // the manager is employee 0001 of the unit's parent
        Workplaces.unit(em, unit + "-TOP", null, prefix + "M");
        Workplaces.unit(em, unit, unit + "-TOP");
        Workplaces.staff(em, prefix, 30, unit);
    }

    private String e(int i) {
        return Workplaces.number(prefix, i);
    }

    private io.restassured.response.Response book(String token, String session, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/workshops/sessions/" + session + "/bookings");
    }

    @Test
    void oneBookingPerModuleAndModulesInOrder() {
        String first = Sessions.plan("GOD-ARBETSMILJO", inAMonth, 10);
        String again = Sessions.plan("GOD-ARBETSMILJO", inAMonth.plusDays(1), 10);
        String secondBefore = Sessions.plan("HALSA-ORK", inAMonth.minusDays(2), 10);
        String secondAfter = Sessions.plan("HALSA-ORK", inAMonth.plusDays(7), 10);
        String me = Sessions.employee(e(1));

        book(me, secondAfter, "{}").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("ModuleOrder"));
        book(me, first, "{}").then().statusCode(201).body("status", equalTo("BOOKED")).body("waitlistPosition", nullValue());
        book(me, again, "{}").then().statusCode(409).body("errors[0].rule", equalTo("OneBookingPerModule"));
        // booked, but for after the second module's session: not yet
        book(me, secondBefore, "{}").then().statusCode(409).body("errors[0].rule", equalTo("ModuleOrder"));
        book(me, secondAfter, "{}").then().statusCode(201).body("status", equalTo("BOOKED"));
        book(me, Sessions.plan("HALSOFRAMJANDE-LEDARSKAP", inAMonth, 10), "{}").then().statusCode(409)
                .body("errors[0].rule", equalTo("Audience"));
    }

    @Test
    void whoMayBookForWhom() {
        String session = Sessions.plan("GOD-ARBETSMILJO", inAMonth.plusDays(2), 10);
        String manager = TestTokens.of("mia", Roles.MANAGER, prefix + "M");
        String otherManager = TestTokens.of("olle", Roles.MANAGER, "NOBODY-1");

        book(Sessions.employee(e(2)), session, "{\"employeeNumber\":\"" + e(3) + "\"}").then().statusCode(403)
                .contentType("application/problem+json");
        book(otherManager, session, "{\"employeeNumber\":\"" + e(3) + "\"}").then().statusCode(404);
        String booking = book(manager, session, "{\"employeeNumber\":\"" + e(3) + "\"}").then().statusCode(201)
                .body("employeeNumber", equalTo(e(3))).body("bookedBy", equalTo("mia")).extract().path("id");
        // another's booking by its id: not found, for a colleague and another unit's manager, and never whose it is
        for (String stranger : List.of(Sessions.employee(e(2)), otherManager)) {
            given().auth().oauth2(stranger).get("/api/workshops/bookings/" + booking).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", not(containsString(e(3))));
            given().auth().oauth2(stranger).post("/api/workshops/bookings/" + booking + "/cancel").then().statusCode(404)
                    .body("detail", not(containsString(e(3))));
        }
        given().auth().oauth2(Sessions.employee(e(3))).get("/api/workshops/bookings/" + booking).then().statusCode(200)
                .body("status", equalTo("BOOKED"));
        book(Sessions.LEAD, session, "{\"employeeNumber\":\"" + e(4) + "\"}").then().statusCode(201);
        book(Sessions.LEAD, session, "{\"employeeNumber\":\"NO-SUCH\"}").then().statusCode(404);
        book(TestTokens.of("fia", Roles.FACILITATOR, e(5)), session, "{}").then().statusCode(403);
        book(Sessions.employee(e(5)), UUID.randomUUID().toString(), "{}").then().statusCode(404);
        book(Sessions.employee(e(5)), "not-a-uuid", "{}").then().statusCode(404);
        book(Sessions.employee(e(5)), session, "{\"employeeNumber\":\"\"}").then().statusCode(400)
                .body("errors[0].field", containsString("employeeNumber"));
    }

    @Test
    void aTrioGroupIsBookedWholeOrNotAtAll() {
        long group = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Workplaces.trioGroup(em, group, unit, e(6), e(7), e(8));
        String small = Sessions.plan("GOD-ARBETSMILJO", inAMonth.plusDays(3), 3);
        book(Sessions.employee(e(9)), small, "{}").then().statusCode(201);
        String member = Sessions.employee(e(6));
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"trioGroupId\":" + group + "}")
                .post("/api/workshops/sessions/" + small + "/trio-bookings").then().statusCode(409)
                .body("detail", containsString("2 free seats"));
        given().auth().oauth2(Sessions.LEAD).get("/api/workshops/sessions/" + small).then().body("seated", equalTo(1));

        String roomy = Sessions.plan("GOD-ARBETSMILJO", inAMonth.plusDays(4), 10);
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body("{\"trioGroupId\":" + group + "}")
                .post("/api/workshops/sessions/" + roomy + "/trio-bookings").then().statusCode(201)
                .body("employeeNumber", contains(e(6), e(7), e(8))).body("status", contains("BOOKED", "BOOKED", "BOOKED"));
        // one who is not in the group, nor manages its members, does not find it, nor learns who is in it
        String other = Sessions.plan("HALSA-ORK", inAMonth.plusDays(9), 10);
        for (String stranger : List.of(Sessions.employee(e(9)), TestTokens.of("olle", Roles.MANAGER, "NOBODY-1"))) {
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"trioGroupId\":" + group + "}")
                    .post("/api/workshops/sessions/" + other + "/trio-bookings").then().statusCode(404)
                    .body("detail", equalTo("trio group " + group + " not found"));
        }
    }

    @Test
    void whoLeavesLosesTheirPlacesAndTheWaitlistMovesUp() {
        String session = Sessions.plan("GOD-ARBETSMILJO", inAMonth.plusDays(5), 1);
        String leaverBooking = book(Sessions.employee(e(10)), session, "{}").then().statusCode(201)
                .extract().path("id");
        String waiting = book(Sessions.employee(e(11)), session, "{}").then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1)).extract().path("id");

        EventProbe.send("kasam.participants.employees", e(10), UUID.randomUUID().toString(),
                "kasam.participants.employee.changed.v1", """
                {"employeeNumber":"%s","name":"Anställd","legalGender":"FEMALE","birthYear":1980,"birthDate":null,
                 "unitCode":"%s","occupation":"Undersköterska","employmentRate":100,"fullTimeHours":40,
                 "employmentType":"PERMANENT","startDate":"2015-01-01","endDate":"%s","version":2,"left":true}"""
                        .formatted(e(10), unit, inAMonth.plusDays(1).toLocalDate()));

        var promoted = EventProbe.await("kasam.workshops.attendance",
                r -> r.key().equals(waiting) && r.value().contains("\"PROMOTED\""), 1, Duration.ofSeconds(30));
        EventSchemas.assertValid(promoted.getFirst());
        given().auth().oauth2(Sessions.LEAD).get("/api/workshops/bookings/" + leaverBooking).then()
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("LEFT"));
        given().auth().oauth2(Sessions.employee(e(11))).get("/api/workshops/bookings/" + waiting).then()
                .body("status", equalTo("BOOKED"));
    }

    @Test
    void aCancelledSessionFreesEveryPlaceAndTellsTheWaitlist() {
        String session = Sessions.plan("GOD-ARBETSMILJO", inAMonth.plusDays(6), 1);
        book(Sessions.employee(e(12)), session, "{}").then().statusCode(201);
        String waiting = book(Sessions.employee(e(13)), session, "{}").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Sessions.employee(e(12))).post("/api/workshops/sessions/" + session + "/cancel")
                .then().statusCode(403);
        given().auth().oauth2(Sessions.LEAD).post("/api/workshops/sessions/" + session + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("seated", equalTo(0))
                .body("waitlisted", equalTo(0));
        EventProbe.await("kasam.workshops.attendance",
                r -> r.key().equals(waiting) && r.value().contains("\"SESSION_CANCELLED\""), 1, Duration.ofSeconds(30))
                .forEach(EventSchemas::assertValid);
        EventProbe.await("kasam.workshops.attendance",
                r -> r.key().equals(session) && r.value().contains("\"CANCELLED\""), 1, Duration.ofSeconds(30))
                .forEach(EventSchemas::assertValid);
        given().auth().oauth2(Sessions.LEAD).post("/api/workshops/sessions/" + session + "/cancel").then().statusCode(409);
        book(Sessions.employee(e(14)), session, "{}").then().statusCode(409);
    }

    @Test
    void theFacilitatorMarksOnlyTheirOwnSessionAndHoursAreKeptAsALedger() {
        String facilitator = e(20);
        String held = Sessions.plan("GOD-ARBETSMILJO", OffsetDateTime.now().minusHours(4), 10, facilitator);
        String others = Sessions.plan("GOD-ARBETSMILJO", OffsetDateTime.now().minusHours(5), 10);
        // an employee may not book a session that has begun; the project lead registers it afterwards
        book(Sessions.employee(e(21)), held, "{}").then().statusCode(409).body("errors[0].rule", equalTo("NotStarted"));
        String attended = book(Sessions.LEAD, held, "{\"employeeNumber\":\"" + e(21) + "\"}").then().statusCode(201)
                .extract().path("id");
        String absent = book(Sessions.LEAD, held, "{\"employeeNumber\":\"" + e(22) + "\"}").then().statusCode(201)
                .extract().path("id");
        String token = TestTokens.withRoles("fia", List.of(Roles.FACILITATOR, Roles.EMPLOYEE), facilitator);
        String marks = """
                {"marks":[{"bookingId":"%s","status":"ATTENDED"},{"bookingId":"%s","status":"ABSENT"}]}"""
                .formatted(attended, absent);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(marks)
                .put("/api/workshops/sessions/" + others + "/attendance").then().statusCode(404);
        given().auth().oauth2(Sessions.employee(e(21))).contentType(ContentType.JSON).body(marks)
                .put("/api/workshops/sessions/" + held + "/attendance").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"marks\":[{\"bookingId\":\"%s\",\"status\":\"ATTENDED\"},{\"bookingId\":\"%s\",\"status\":\"LATE\"}]}"
                        .formatted(attended, absent))
                .put("/api/workshops/sessions/" + held + "/attendance").then().statusCode(400)
                .body("errors[0].field", containsString("status"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(marks)
                .put("/api/workshops/sessions/" + held + "/attendance").then().statusCode(200)
                .body("status", contains("ATTENDED", "ABSENT")).body("hours[0]", equalTo(3.0f));
        given().auth().oauth2(token).get("/api/workshops/sessions/" + held).then().body("status", equalTo("HELD"));
        given().auth().oauth2(token).get("/api/workshops/sessions/" + held + "/bookings").then().statusCode(200)
                .body("employeeNumber", contains(e(21), e(22)));

        // a correction: two hours, not three; the ledger keeps both lines
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON)
                .body("{\"marks\":[{\"bookingId\":\"%s\",\"status\":\"ATTENDED\",\"hours\":2}]}".formatted(attended))
                .put("/api/workshops/sessions/" + held + "/attendance").then().statusCode(200);
        List<?> lines = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select hours from hour_entry where employee_number = ?1 order by id").setParameter(1, e(21)).getResultList());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(3.0, -1.0),
                lines.stream().map(h -> ((java.math.BigDecimal) h).doubleValue()).toList());
        given().auth().oauth2(Sessions.employee(e(21))).get("/api/workshops/me").then().statusCode(200)
                .body("modulesAttended", contains("GOD-ARBETSMILJO")).body("hours", equalTo(2.0f))
                .body("bookings", hasSize(1)).body("bookings[0].moduleTitle", equalTo("Vad är en god arbetsmiljö?"));
    }

    @Test
    void trioMembersRecordAndSeeTheirOwnGroupsMeetings() {
        long group = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Workplaces.trioGroup(em, group, unit, e(23), e(24), e(25));
        String meeting = "{\"date\":\"2020-02-03\",\"minutes\":45,\"present\":[\"%s\",\"%s\"]}".formatted(e(23), e(24));
        given().auth().oauth2(Sessions.employee(e(26))).contentType(ContentType.JSON).body(meeting)
                .post("/api/workshops/trio-groups/" + group + "/meetings").then().statusCode(404);
        given().auth().oauth2(Sessions.employee(e(23))).contentType(ContentType.JSON)
                .body("{\"date\":\"2020-02-03\",\"minutes\":45,\"present\":[\"%s\"]}".formatted(e(26)))
                .post("/api/workshops/trio-groups/" + group + "/meetings").then().statusCode(400)
                .body("errors[0].field", equalTo("present"));
        given().auth().oauth2(Sessions.employee(e(23))).contentType(ContentType.JSON).body(meeting)
                .post("/api/workshops/trio-groups/" + group + "/meetings").then().statusCode(201)
                .body("minutes", equalTo(45));
        given().auth().oauth2(Sessions.employee(e(25))).get("/api/workshops/trio-groups/" + group + "/meetings")
                .then().statusCode(200).body("present[0]", contains(e(23), e(24)));
        given().auth().oauth2(Sessions.employee(e(24))).get("/api/workshops/me").then()
                .body("trioMeetings", hasSize(1)).body("hours", equalTo(0.75f));
        given().auth().oauth2(Sessions.employee(e(25))).get("/api/workshops/me").then().body("hours", equalTo(0));
    }
}
