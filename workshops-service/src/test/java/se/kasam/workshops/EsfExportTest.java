package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** A month's ESF hours: valued, totalled by gender, frozen when exported, corrected in the open afterwards. */
@QuarkusTest
class EsfExportTest {
    private static final String HR = TestTokens.of("hanna", Roles.HR_ADMIN);

    @Inject
    EntityManager em;

    @Test
    void anExportedMonthReadsTheSameEverAfterAndLaterChangesAreCorrections() {
        Workplaces.unit(em, "ESF-U", null);
        Workplaces.staff(em, "ESF-", 3, "ESF-U");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update employee set legal_gender = 'MALE', occupation = 'Vaktmästare' where employee_number = 'ESF-0003'")
                .executeUpdate());
        given().auth().oauth2(HR).contentType(ContentType.JSON)
                .body("{\"defaultSek\":250,\"byOccupation\":[{\"occupation\":\"Undersköterska\",\"sek\":230}]}")
                .put("/api/workshops/hourly-costs/2018").then().statusCode(200).body("byOccupation", hasSize(1));
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON).body("{\"defaultSek\":1,\"byOccupation\":[]}")
                .put("/api/workshops/hourly-costs/2018").then().statusCode(403);
        given().auth().oauth2(HR).contentType(ContentType.JSON)
                .body("{\"defaultSek\":250,\"byOccupation\":[{\"occupation\":\"A\",\"sek\":1},{\"occupation\":\"A\",\"sek\":2}]}")
                .put("/api/workshops/hourly-costs/2018").then().statusCode(400)
                .body("errors[0].field", equalTo("byOccupation[1].occupation"));

        String session = Sessions.plan("GOD-ARBETSMILJO", OffsetDateTime.parse("2018-10-09T09:00:00+02:00"), 10);
        String[] booking = new String[4];
        for (int i = 1; i <= 3; i++) {
            booking[i] = given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON)
                    .body("{\"employeeNumber\":\"ESF-000" + i + "\"}").post("/api/workshops/sessions/" + session + "/bookings")
                    .then().statusCode(201).extract().path("id");
        }
        mark(session, booking[1], "ATTENDED", null);
        mark(session, booking[2], "ATTENDED", "2.5");
        mark(session, booking[3], "ATTENDED", null);

        given().auth().oauth2(HR).get("/api/workshops/esf-exports/2018-10").then().statusCode(200)
                .body("exported", equalTo(false)).body("rows", hasSize(3));
        given().auth().oauth2(Sessions.employee("ESF-0001")).get("/api/workshops/esf-exports/2018-10").then().statusCode(403);
        given().auth().oauth2(HR).get("/api/workshops/esf-exports/2018-13").then().statusCode(400);
        given().auth().oauth2(HR).post("/api/workshops/esf-exports/2018-10").then().statusCode(201)
                .body("exported", equalTo(true)).body("exportedBy", equalTo("hanna"))
                .body("hourlyCosts.'*'", equalTo(250.0f)).body("hourlyCosts.'Undersköterska'", equalTo(230.0f))
                .body("rows.coFinancingSek", org.hamcrest.Matchers.contains(690.0f, 575.0f, 750.0f))
                .body("totals[0].legalGender", equalTo("ALL")).body("totals[0].participants", equalTo(3))
                .body("totals[0].hours", equalTo(8.5f)).body("totals[0].coFinancingSek", equalTo(2015.0f))
                .body("totals[1].legalGender", equalTo("FEMALE")).body("totals[1].participants", equalTo(2))
                .body("totals[2].legalGender", equalTo("MALE")).body("totals[2].hours", equalTo(3.0f));

        // after the export: one was absent after all, and the costs change; the export stays as it was
        mark(session, booking[2], "ABSENT", null);
        given().auth().oauth2(HR).contentType(ContentType.JSON).body("{\"defaultSek\":999,\"byOccupation\":[]}")
                .put("/api/workshops/hourly-costs/2018").then().statusCode(200);
        given().auth().oauth2(HR).post("/api/workshops/esf-exports/2018-10").then().statusCode(200)
                .body("totals[0].hours", equalTo(8.5f)).body("totals[0].coFinancingSek", equalTo(2015.0f))
                .body("corrections", hasSize(1)).body("corrections[0].employeeNumber", equalTo("ESF-0002"))
                .body("corrections[0].hours", equalTo(-2.5f)).body("corrections[0].coFinancingSek", equalTo(-575.0f))
                .body("correctionTotals[0].hours", equalTo(-2.5f));
        String csv = given().auth().oauth2(HR).accept("text/csv").get("/api/workshops/esf-exports/2018-10").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("esf-hours-2018-10.csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(5, lines.size(), csv);
        assertEquals("kind,employeeNumber,legalGender,unitCode,occupation,activity,date,hours,coFinancingSek,recordedAt",
                lines.getFirst());
        assertEquals("ROW,ESF-0001,FEMALE,ESF-U,Undersköterska,GOD-ARBETSMILJO,2018-10-09,3.00,690.00,", lines.get(1));
        assertThat(lines.get(4), startsWith("CORRECTION,ESF-0002,FEMALE,ESF-U,Undersköterska,GOD-ARBETSMILJO,2018-10-09,-2.50,-575.00,"));
        given().auth().oauth2(HR).post("/api/workshops/esf-exports/" + java.time.YearMonth.now()).then().statusCode(400)
                .body("errors[0].rule", equalTo("Past"));
    }

    private static void mark(String session, String booking, String status, String hours) {
        given().auth().oauth2(Sessions.LEAD).contentType(ContentType.JSON)
                .body("{\"marks\":[{\"bookingId\":\"" + booking + "\",\"status\":\"" + status + "\""
                        + (hours == null ? "" : ",\"hours\":" + hours) + "}]}")
                .put("/api/workshops/sessions/" + session + "/attendance").then().statusCode(200);
    }
}
