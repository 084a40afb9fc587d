package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** What every service offers ops and the frontend team: health with its dependencies, metrics, OpenAPI, problems. */
@QuarkusTest
class ServiceBasicsTest {
    @Test
    void theThreeModulesInProgrammeOrder() {
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "D0005")).get("/api/workshops/modules")
                .then().statusCode(200).body("items.ordinal", org.hamcrest.Matchers.hasItems(1, 2, 3, 4, 5))
                .body("items[0].title", equalTo("Vad är en god arbetsmiljö?"))
                // every /api answer is about someone or behind a role: never kept on the way (platform-web)
                .header("Cache-Control", "no-store");
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "D0005")).queryParam("size", 501)
                .get("/api/workshops/modules").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void readinessIsTheDatabaseAndTheOutboxHasAGroupOfItsOwn() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("SmallRye Reactive Messaging - liveness check"));
        // Kafka away, a pod still answers and takes writes into its outbox: neither Kafka nor the relay's backlog
        // takes it out of its Service (FaultsIT stops Kafka and watches readiness stay up)
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"))
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("outbox relay")))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.anEmptyMap()));
        given().get("/q/health/group/outbox").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("outbox relay"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Kasam workshops API"))
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.oidc.openIdConnectUrl",
                        org.hamcrest.Matchers.endsWith("/.well-known/openid-configuration"))
                .body("paths.'/api/workshops/modules/{code}'.get.operationId", equalTo("getWorkshopModule"));
        se.kasam.testing.OpenApiValidation.parse(given().queryParam("format", "json").get("/q/openapi").asString());
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        String token = TestTokens.of("emma", Roles.EMPLOYEE, "D0005");
        given().auth().oauth2(token).get("/api/workshops/modules/NOPE").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).delete("/api/workshops/modules").then().statusCode(405)
                .contentType("application/problem+json");
        // malformed JSON: a problem naming the rule and no framework, with no stack trace
        String body = given().auth().oauth2(TestTokens.of("lead", Roles.PROJECT_LEAD)).contentType("application/json")
                .body("{\"moduleCode\": ").post("/api/workshops/sessions").then().statusCode(400)
                .contentType("application/problem+json").header("Cache-Control", "no-store")
                .body("errors[0].rule", equalTo("JsonSyntax")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("at se.kasam") || body.contains("at io.") || body.contains("Exception"),
                body);
    }

    /** U+0000 cannot be stored in PostgreSQL text: refused where it enters, naming the field (it once was a 500). */
    @Test
    void aNulCharacterOrADuplicateKeyIsA400NamingTheField() {
        String lead = TestTokens.of("lead", Roles.PROJECT_LEAD);
        given().urlEncodingEnabled(false).auth().oauth2(lead).get("/api/workshops/modules/A%00B").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"))
                .body("errors[0].rule", equalTo("NoNulCharacter"));
        given().auth().oauth2(lead).queryParam("unit", "X\u0000").get("/api/workshops/progress").then().statusCode(400)
                .body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(lead).contentType("application/json")
                .body("{\"moduleCode\": \"GOD-ARBETSMILJO\", \"placeName\": \"Folkets\\u0000hus\", \"capacity\": 5,"
                        + " \"startsAt\": \"2099-01-01T08:00:00Z\", \"endsAt\": \"2099-01-01T11:00:00Z\"}")
                .post("/api/workshops/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("placeName")).body("errors[0].rule", equalTo("NoNulCharacter"));
        // a Content-Type that is no media type: a 415 problem (an operation choosing by it failed; an Accept that is
        // none, a 406, is sent by HostileInputIT: this test's OpenAPI filter refuses to send it)
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("garbage", io.restassured.http.ContentType.TEXT)))
                .auth().oauth2(lead).contentType("garbage").body("{}").put("/api/workshops/esf-exports/2099-01")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(lead).contentType("application/json").body("{\"capacity\": 5, \"capacity\": 6}")
                .post("/api/workshops/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("JsonSyntax"));
    }
}
