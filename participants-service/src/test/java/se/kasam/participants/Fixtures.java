package se.kasam.participants;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** Requests as the HR integration would send them. */
final class Fixtures {
    static final String HR = TestTokens.of("hr-system", Roles.HR_INTEGRATION);

    private Fixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static Map<String, Object> employee(String number, String unit) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("employeeNumber", number),
                Map.entry("name", "Anna Andersson"),
                Map.entry("email", "anna@example.org"),
                Map.entry("legalGender", "FEMALE"),
                Map.entry("birthYear", 1975),
                Map.entry("unitCode", unit),
                Map.entry("occupation", "Undersköterska"),
                Map.entry("employmentRate", 75),
                Map.entry("fullTimeHours", 38.25),
                Map.entry("employmentType", "PERMANENT"),
                Map.entry("startDate", "2015-03-01")));
    }
}
