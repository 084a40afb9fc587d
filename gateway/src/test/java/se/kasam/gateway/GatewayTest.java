package se.kasam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class GatewayTest {
    static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI url;

    @BeforeEach
    void clear() {
        EchoUpstreams.RECEIVED.clear();
    }

    @Test
    void routesByPrefixAndPassesTheTokenRequestIdAndTraceContextOn() {
        String token = TestTokens.of("hr", Roles.HR_INTEGRATION);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().auth().oauth2(token).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "req-123").contentType("application/json").body("{\"a\":1}")
                .post("/api/participants/employees?unit=X").then().statusCode(200)
                .body("service", equalTo("participants")).header("X-Request-Id", "req-123");
        Map<String, String> seen = EchoUpstreams.RECEIVED.poll();
        assertEquals("/api/participants/employees?unit=X", seen.get(":path"));
        assertEquals("POST", seen.get(":method"));
        assertEquals("{\"a\":1}", seen.get(":body"));
        assertEquals("Bearer " + token, seen.get("authorization"));
        assertEquals("req-123", seen.get("x-request-id"));
        String traceparent = seen.get("traceparent");
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), "same trace: " + traceparent);
        assertNotEquals("00f067aa0ba902b7", traceparent.split("-")[2], "the gateway's span is the new parent");

        given().auth().oauth2(token).get("/api/sickleave/employees/1").then().statusCode(200)
                .body("service", equalTo("sickleave")).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        Map<String, String> second = EchoUpstreams.RECEIVED.poll();
        assertTrue(second.get("traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), "a trace is started");
    }

    @Test
    void refusesBadTokensBeforeAnyServiceSeesTheRequest() {
        given().get("/api/participants/employees").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:kasam:problem:unauthenticated")).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.expired("x", Roles.HR_ADMIN)).get("/api/participants/employees")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.signedByAnotherKey("x", Roles.HR_ADMIN)).get("/api/participants/employees")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.forAudience("x", Roles.HR_ADMIN, "another-api")).get("/api/participants/employees")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not.a.jwt").get("/api/participants/employees").then().statusCode(401).contentType(PROBLEM);
        assertTrue(EchoUpstreams.RECEIVED.isEmpty(), "no service saw any of these");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoneIsKeptOrNamesTheFramework() {
        String token = TestTokens.of("h", Roles.HR_ADMIN);
        var proxied = given().auth().oauth2(token).get("/api/sickleave/employees/1").then().statusCode(200).extract();
        var refused = given().get("/api/sickleave/employees/1").then().statusCode(401).extract();
        var unreachable = given().auth().oauth2(token).get("/api/workshops/modules").then().statusCode(503).extract();
        for (var answer : List.of(proxied, refused, unreachable)) {
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("DENY", answer.header("X-Frame-Options"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertTrue(answer.header("Strict-Transport-Security").startsWith("max-age="));
            assertEquals("no-store", answer.header("Cache-Control"));
            assertTrue(answer.header("Content-Security-Policy").startsWith("default-src 'none'"));
            assertEquals(null, answer.header("Server"), "no banner");
            assertEquals(null, answer.header("X-Powered-By"), "no banner");
            assertEquals(1, answer.headers().getValues("X-Content-Type-Options").size(), "once, not once per hop");
            assertEquals(1, answer.headers().getValues("Cache-Control").size(), "once, not once per hop");
        }
        // the merged document is not personal: it may be cached, and it is not under /api
        given().get("/openapi").then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void limitsTheRatePerCaller() {
        // the test profile gives a burst of 5 and one token back per hour: exactly 5 of 12 calls pass
        String greedy = TestTokens.of("greedy", Roles.EVALUATOR);
        int passed = 0;
        for (int i = 0; i < 12; i++) {
            int status = given().auth().oauth2(greedy).get("/api/participants/units").statusCode();
            passed += status == 200 ? 1 : 0;
        }
        assertEquals(5, passed, "the burst, then nothing");
        String retryAfter = given().auth().oauth2(greedy).get("/api/participants/units").then().statusCode(429)
                .contentType(PROBLEM).body("type", equalTo("urn:kasam:problem:rate-limited")).extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) > 3000 && Long.parseLong(retryAfter) <= 3600, "about an hour: " + retryAfter);
        given().auth().oauth2(TestTokens.of("patient", Roles.EVALUATOR)).get("/api/participants/units").then().statusCode(200);
    }

    @Test
    void anUnreachableServiceIsA503ProblemAndUnknownApisA404() {
        given().auth().oauth2(TestTokens.of("p", Roles.PROJECT_LEAD)).get("/api/workshops/modules").then().statusCode(503)
                .contentType(PROBLEM).header("Retry-After", "5").body("type", equalTo("urn:kasam:problem:upstream-unavailable"));
        given().auth().oauth2(TestTokens.of("p", Roles.PROJECT_LEAD)).get("/api/nothing/here").then().statusCode(404)
                .contentType(PROBLEM);
    }

    /**
     * Seen through the real gateway: after a service refused a body early (415, 403) without reading it, the
     * proxy reset that upstream request once its body pipe ended, which closed the pooled connection another
     * request had by then been given; that request became a 503 "unavailable". Every answer must be the service's.
     */
    @Test
    void aBurstOfRefusedAndAcceptedBodiesGetsOnlyTheServicesOwnAnswers() throws Exception {
        String body = "{\"a\":\"" + "x".repeat(300_000) + "\"}";
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String path = i % 2 == 0 ? "/api/surveys/early" : "/api/surveys/read";
                String token = TestTokens.of("burst-" + i, Roles.HR_INTEGRATION); // a caller each: no rate limit
                answers.add(callers.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path.substring(1)))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    return path + " " + response.statusCode();
                }));
            }
            Map<String, Long> seen = new TreeMap<>();
            for (Future<String> answer : answers) {
                seen.merge(answer.get(), 1L, Long::sum);
            }
            assertEquals(Map.of("/api/surveys/early 415", 200L, "/api/surveys/read 200", 200L), seen);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBodyOverTheLimitIsA413AndNoServiceSeesIt() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        // with a Content-Length, the gateway refuses it before reading it, as a problem (not the HTTP server's bare 413)
        given().auth().oauth2(TestTokens.of("big", Roles.HR_INTEGRATION)).contentType("application/json")
                .body(big).post("/api/participants/employees").then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:kasam:problem:payload-too-large"));
        // chunked, the gateway counts while it reads
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/participants/employees"))
                .header("Authorization", "Bearer " + TestTokens.of("big", Roles.HR_INTEGRATION)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals(PROBLEM, chunked.headers().firstValue("Content-Type").orElse(""));
        assertTrue(chunked.body().contains("urn:kasam:problem:payload-too-large"), chunked.body());
        assertTrue(EchoUpstreams.RECEIVED.isEmpty(), "no service saw either");
    }

    @Test
    void reportsUpstreamReadiness() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/group/upstreams").then().statusCode(503)
                .body("checks[0].data.participants", equalTo("UP")).body("checks[0].data.workshops", equalTo("DOWN"));
    }

    @Test
    void servesOneOpenApiForTheWholeApi() {
        given().get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Kasam API"))
                .body("paths", hasKey("/api/participants/employees"))
                .body("paths", hasKey("/api/sickleave/employees/{n}"))
                .body("components.schemas", hasKey("ParticipantsEmployeeView"))
                .body("components.schemas", hasKey("SickleaveEmployeeView"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("EmployeeView")))
                .body("paths.'/api/sickleave/employees/{n}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SickleaveEmployeeView"))
                .body("paths.'/api/participants/employees'.get.responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/participants/employees'.get.responses", hasKey("503"))
                .body("paths.'/api/participants/employees'.get.responses", hasKey("401"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void allowsCorsForConfiguredFrontendOrigins() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .options("/api/participants/employees/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/participants/employees/1").then().header("Access-Control-Allow-Origin", (String) null);
    }
}
