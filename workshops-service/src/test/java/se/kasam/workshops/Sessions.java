package se.kasam.workshops;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** Sessions planned the way the project lead plans them: through the API. */
final class Sessions {
    static final String LEAD = TestTokens.of("petra", Roles.PROJECT_LEAD);

    private Sessions() {
    }

    static String plan(String module, OffsetDateTime startsAt, int capacity, String... facilitators) {
        Map<String, Object> body = new HashMap<>();
        body.put("moduleCode", module);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plusHours(3).toString());
        body.put("placeName", "Folkets hus");
        body.put("latitude", 63.8526);
        body.put("longitude", 15.5579);
        body.put("capacity", capacity);
        body.put("facilitators", List.of(facilitators));
        return given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(body).post("/api/workshops/sessions")
                .then().statusCode(201).extract().path("id");
    }

    static String employee(String number) {
        return TestTokens.of("u" + number, Roles.EMPLOYEE, number);
    }
}
