package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.TestTokens;

/** The projections are built from participants-service's own event examples, as they come on Kafka. */
@QuarkusTest
class ProjectionTest {
    private static final Path PARTICIPANTS_EVENTS = Path.of("../participants-service/src/main/resources/events");

    @Inject
    EntityManager em;

    @Test
    void unitsEmployeesAndTrioGroupsFromTheProducersExamples() throws Exception {
        send("kasam.participants.units", "SOC-HT-01", "kasam.participants.unit.changed.v1");
        send("kasam.participants.employees", "100234", "kasam.participants.employee.changed.v1");
        send("kasam.participants.triogroups", "4711", "kasam.participants.triogroup.changed.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                count("select count(*) from unit where code = 'SOC-HT-01' and managers = '{100017}'")
                        + count("select count(*) from employee where employee_number = '100234' and name = 'Anna Andersson'")
                        + count("select count(*) from trio_group where id = 4711 and members[1] = 'E000231'") == 3));
        // the manager the unit event names may now act for the unit
        given().auth().oauth2(TestTokens.of("chef", Roles.MANAGER, "100017")).get("/api/workshops/units/SOC-HT-01/setting")
                .then().statusCode(200).body("awayCapPercent", equalTo(30)).body("set", equalTo(false));
        given().auth().oauth2(TestTokens.of("chef", Roles.MANAGER, "100018")).get("/api/workshops/units/SOC-HT-01/setting")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.of("anna", Roles.EMPLOYEE, "E000231")).get("/api/workshops/me").then()
                .statusCode(200).body("trioGroups.id", contains(4711));
    }

    @Test
    void theProjectLeadSetsAWorkplacesCapWithItsVersion() {
        Workplaces.unit(em, "SET-1", null);
        String lead = Sessions.LEAD;
        String body = "{\"placeName\":\"Hammerdal\",\"latitude\":63.59,\"longitude\":15.35,\"awayCapPercent\":20}";
        String etag = given().auth().oauth2(lead).contentType(ContentType.JSON).body(body)
                .put("/api/workshops/units/SET-1/setting").then().statusCode(200).body("set", equalTo(true))
                .extract().header("ETag");
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(body).put("/api/workshops/units/SET-1/setting")
                .then().statusCode(428);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body.replace("20}", "25}")).put("/api/workshops/units/SET-1/setting").then().statusCode(200)
                .body("awayCapPercent", equalTo(25)).body("version", equalTo(1));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/workshops/units/SET-1/setting").then().statusCode(412);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"latitude\":63.59,\"awayCapPercent\":0}").put("/api/workshops/units/SET-1/setting").then()
                .statusCode(400).body("errors[0].field", containsString("awayCapPercent"));
        given().auth().oauth2(TestTokens.of("chef", Roles.MANAGER, "X")).contentType(ContentType.JSON).body(body)
                .put("/api/workshops/units/SET-1/setting").then().statusCode(403);
    }

    @Test
    void theEventExamplesMatchTheirSchemas() {
        EventSchemas.assertExamplesValid();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static void send(String topic, String key, String type) throws Exception {
        String json = Files.readString(PARTICIPANTS_EVENTS.resolve(type + ".example.json"));
        EventProbe.send(topic, key, UUID.randomUUID().toString(), type, json);
    }
}
