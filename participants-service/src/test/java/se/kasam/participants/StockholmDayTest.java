package se.kasam.participants;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.kasam.participants.Fixtures.HR;
import static se.kasam.participants.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestClock;
import se.kasam.testing.TestTokens;

/**
 * "Today" is Stockholm's day whatever the host's zone (a container's is UTC): at an instant when Stockholm's date
 * and UTC's differ, the service decides by Stockholm's. The instant is years ahead, so a service that read the wall
 * clock instead of the platform's clock would not see these employments end at all.
 */
@QuarkusTest
class StockholmDayTest {
    /** Half past midnight on 1 April in Stockholm (summer time), still 31 March in UTC. */
    static final Instant AFTER_MIDNIGHT = Instant.parse("2099-03-31T22:30:00Z");

    @Inject
    TestClock clock;

    @Test
    void anEmploymentEndsByStockholmsDayNotTheHosts() {
        assertEquals("2099-03-31", AFTER_MIDNIGHT.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        List<Map<String, Object>> employees = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            employees.add(Fixtures.employee("SD-" + i, "SD-A"));
        }
        as(HR).body(Map.of("units", List.of(Map.of("code", "SD-A", "name", "Kök")), "employees", employees))
                .post("/api/participants/hr/import").then().statusCode(200);
        String lead = TestTokens.of("petra", Roles.PROJECT_LEAD);
        as(lead).body(Map.of("name", "Mars", "unitCodes", List.of("SD-A"), "seed", 1, "date", "2099-03-01"))
                .post(TrioRoundsTest.ROUNDS).then().statusCode(201);

        clock.pin(AFTER_MIDNIGHT);
        try {
            // SD-2's last day was 31 March: no longer employed today; SD-1's is 1 April: it has come, so SD-1 leaves
            // the trio group now, not a day late
            end("SD-2", "2099-03-31");
            end("SD-1", "2099-04-01");
            as(HR).queryParam("unit", "SD-A").queryParam("active", true).get("/api/participants/employees")
                    .then().statusCode(200).body("totalItems", equalTo(5));
            as(TestTokens.of("sd1", Roles.EMPLOYEE, "SD-1")).get("/api/participants/me/trio").then().statusCode(404);
        } finally {
            clock.release();
        }
    }

    private static void end(String employee, String lastDay) {
        String etag = as(HR).get("/api/participants/employees/" + employee).then().statusCode(200).extract().header("ETag");
        as(HR).header("If-Match", etag).body(Map.of("endDate", lastDay))
                .post("/api/participants/employees/" + employee + "/end").then().statusCode(200);
    }
}
