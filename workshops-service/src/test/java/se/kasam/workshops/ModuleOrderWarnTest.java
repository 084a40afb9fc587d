package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With kasam.workshops.module-order=WARN, module n+1 before n is booked, with the rule as a warning. */
@QuarkusTest
@TestProfile(ModuleOrderWarnTest.Warn.class)
class ModuleOrderWarnTest {
    public static class Warn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kasam.workshops.module-order", "WARN");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void theSecondModuleFirstIsBookedWithAWarning() {
        Workplaces.unit(em, "WARN-U", null);
        Workplaces.staff(em, "WARN-", 2, "WARN-U");
        String second = Sessions.plan("HALSA-ORK", OffsetDateTime.now().plusDays(15), 10);
        given().auth().oauth2(Sessions.employee("WARN-0001")).contentType(ContentType.JSON).body("{}")
                .post("/api/workshops/sessions/" + second + "/bookings").then().statusCode(201)
                .body("status", equalTo("BOOKED")).body("warnings[0]", containsString("follows GOD-ARBETSMILJO"));
    }
}
