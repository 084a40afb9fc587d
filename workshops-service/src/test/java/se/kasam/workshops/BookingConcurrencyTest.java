package se.kasam.workshops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.kasam.testing.EventProbe;

/**
 * Capacity and the staffing cap under real concurrency: simultaneous HTTP requests against the running service and
 * real PostgreSQL, each with its own employee's token.
 */
@QuarkusTest
class BookingConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @TestHTTPResource("/api/workshops")
    URI api;

    @Test
    void aThousandAtOnceForTwentySeatsGiveTwentyBookedAndTheRestWaitlistedInArrivalOrder() throws Exception {
        for (int u = 1; u <= 10; u++) {
            Workplaces.unit(em, "CC-" + u, null);
            Workplaces.staff(em, "C" + u + "-", 100, "CC-" + u);
        }
        String session = Sessions.plan("GOD-ARBETSMILJO", OffsetDateTime.now().plusDays(30), 20);
        List<String> employees = IntStream.rangeClosed(1, 10).boxed()
                .flatMap(u -> IntStream.rangeClosed(1, 100).mapToObj(i -> Workplaces.number("C" + u + "-", i)))
                .toList();

        List<HttpResponse<String>> answers = all(employees.stream()
                .map(e -> post("/sessions/" + session + "/bookings", Sessions.employee(e), "{}")).toList());

        answers.forEach(a -> assertEquals(201, a.statusCode(), a.body()));
        List<JsonNode> bookings = answers.stream().map(a -> read(a.body())).toList();
        Map<String, Long> byStatus = bookings.stream().collect(Collectors.groupingBy(b -> b.path("status").asText(),
                Collectors.counting()));
        assertEquals(Map.of("BOOKED", 20L, "WAITLISTED", 980L), byStatus);
        // in arrival order: the first twenty to take the session's lock have the seats, the rest queue behind them
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id::text, status from booking where session_id = cast(?1 as uuid) order by arrival")
                .setParameter(1, session).getResultList());
        rows.subList(0, 20).forEach(r -> assertEquals("BOOKED", r[1]));
        rows.subList(20, 1000).forEach(r -> assertEquals("WAITLISTED", r[1]));
        Map<String, Integer> positionOf = bookings.stream().filter(b -> b.has("waitlistPosition"))
                .collect(Collectors.toMap(b -> b.path("id").asText(), b -> b.path("waitlistPosition").asInt()));
        for (int i = 20; i < 1000; i++) {
            assertEquals(i - 19, positionOf.get((String) rows.get(i)[0]));
        }
        given().auth().oauth2(Sessions.LEAD).get("/api/workshops/sessions/" + session).then().statusCode(200)
                .body("seated", equalTo(20)).body("waitlisted", equalTo(980));

        // a cancellation gives the seat to the first on the waitlist, and says so
        String leaving = (String) rows.get(7)[0];
        String first = (String) rows.get(20)[0];
        String owner = bookings.stream().filter(b -> b.path("id").asText().equals(leaving)).findFirst().orElseThrow()
                .path("employeeNumber").asText();
        given().auth().oauth2(Sessions.employee(owner)).post("/api/workshops/bookings/" + leaving + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        String firstOwner = bookings.stream().filter(b -> b.path("id").asText().equals(first)).findFirst().orElseThrow()
                .path("employeeNumber").asText();
        given().auth().oauth2(Sessions.employee(firstOwner)).get("/api/workshops/bookings/" + first).then()
                .statusCode(200).body("status", equalTo("BOOKED"));
        EventProbe.await("kasam.workshops.attendance", r -> r.key().equals(first) && r.value().contains("\"PROMOTED\""),
                1, Duration.ofSeconds(30));
        given().auth().oauth2(Sessions.LEAD).get("/api/workshops/sessions/" + session).then()
                .body("seated", equalTo(20)).body("waitlisted", equalTo(979));
    }

    @Test
    void aWorkplaceSendsAtMostItsShareToOverlappingSessionsWhateverTheOrderOfRequests() throws Exception {
        Workplaces.unit(em, "CAP-WARD", null);
        Workplaces.staff(em, "W-", 10, "CAP-WARD");
        OffsetDateTime nine = OffsetDateTime.now().plusDays(40).withHour(9).withMinute(0);
        String morning = Sessions.plan("GOD-ARBETSMILJO", nine, 30);
        String overlapping = Sessions.plan("GOD-ARBETSMILJO", nine.plusHours(1), 30);
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            requests.add(post("/sessions/" + (i % 2 == 0 ? morning : overlapping) + "/bookings",
                    Sessions.employee(Workplaces.number("W-", i)), "{}"));
        }
        List<HttpResponse<String>> answers = all(requests);

        assertEquals(3, answers.stream().filter(a -> a.statusCode() == 201).count());
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() != 201).toList();
        assertEquals(7, refused.size());
        refused.forEach(a -> {
            assertEquals(409, a.statusCode(), a.body());
            assertEquals("application/problem+json", a.headers().firstValue("content-type").orElse(""));
            JsonNode problem = read(a.body());
            assertThat(problem.path("detail").asText(), containsString("unit CAP-WARD: 3 of 10 staff are already booked"));
            assertEquals("StaffingCap", problem.path("errors").get(0).path("rule").asText());
        });
        // a session at another time is not held back by them
        String afternoon = Sessions.plan("GOD-ARBETSMILJO", nine.plusHours(5), 30);
        String free = answers.stream().filter(a -> a.statusCode() != 201).map(a -> a.request().headers()
                .firstValue("X-Employee").orElseThrow()).findFirst().orElseThrow();
        given().auth().oauth2(Sessions.employee(free)).contentType("application/json").body("{}")
                .post("/api/workshops/sessions/" + afternoon + "/bookings").then().statusCode(201)
                .body("status", equalTo("BOOKED"));
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String token, String body) {
        String employee = subjectOf(token);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-Employee", employee).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** The employee number a test token was made for (its employee_number claim). */
    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return read(payload).path("employee_number").asText();
    }

    private static List<HttpResponse<String>> all(List<CompletableFuture<HttpResponse<String>>> requests) {
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        return requests.stream().map(CompletableFuture::join).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
