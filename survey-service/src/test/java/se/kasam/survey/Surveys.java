package se.kasam.survey;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** Calls of the survey API as its users make them. */
final class Surveys {
    static final String LEAD = TestTokens.of("petra", Roles.PROJECT_LEAD, "LEAD");
    static final String EVALUATOR = TestTokens.of("erik", Roles.EVALUATOR);
    static final List<Map<String, Object>> ALL_INSTRUMENTS = List.of(Map.of("code", "SOC-13"), Map.of("code", "HME"),
            Map.of("code", "KASAM-AM"));

    private Surveys() {
    }

    static String employee(String number) {
        return TestTokens.of(number.toLowerCase(), Roles.EMPLOYEE, number);
    }

    /** A round open now, planned to close tomorrow. */
    static String openRound(String name, String unit) {
        String id = given().auth().oauth2(LEAD).contentType(ContentType.JSON)
                .body(Map.of("name", name, "instruments", ALL_INSTRUMENTS, "opensAt", OffsetDateTime.now().minusHours(1).toString(),
                        "closesAt", OffsetDateTime.now().plusDays(1).toString(), "unitCodes", List.of(unit)))
                .post("/api/surveys/rounds").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LEAD).post("/api/surveys/rounds/" + id + "/open").then().statusCode(200);
        return id;
    }

    static void close(String round) {
        given().auth().oauth2(LEAD).post("/api/surveys/rounds/" + round + "/close").then().statusCode(200);
    }

    static String invitation(String employee, String round) {
        List<Map<String, Object>> mine = given().auth().oauth2(employee(employee)).get("/api/surveys/me/invitations")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return mine.stream().filter(i -> round.equals(i.get("roundId"))).map(i -> (String) i.get("id")).findFirst().orElseThrow();
    }

    /** SOC-13 item i answered soc.applyAsInt(i), HME item i hme.applyAsInt(i), the platform's own items 4 and health 4. */
    static List<Map<String, Object>> answers(IntUnaryOperator soc, IntUnaryOperator hme, String comment) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            answers.add(Map.of("instrument", "SOC-13", "item", Integer.toString(i), "value", soc.applyAsInt(i)));
        }
        for (int i = 1; i <= 9; i++) {
            answers.add(Map.of("instrument", "HME", "item", Integer.toString(i), "value", hme.applyAsInt(i)));
        }
        for (String item : List.of("WORKLOAD1", "WORKLOAD2", "RECOVERY1", "SUPPORT1", "SUPPORT2", "HEALTH1")) {
            answers.add(Map.of("instrument", "KASAM-AM", "item", item, "value", 4));
        }
        if (comment != null) {
            answers.add(Map.of("instrument", "KASAM-AM", "item", "COMMENT", "text", comment));
        }
        return answers;
    }

    /** Answers drawn at random around a level (1-7 for SOC-13, 1-5 for HME). */
    static List<Map<String, Object>> randomAnswers(Random random, int socLevel, int hmeLevel) {
        return answers(i -> clamp(socLevel + random.nextInt(3) - 1, 1, 7), i -> clamp(hmeLevel + random.nextInt(3) - 1, 1, 5), null);
    }

    static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    static void submit(String employee, String round, List<Map<String, Object>> answers) {
        given().auth().oauth2(employee(employee)).contentType(ContentType.JSON).body(Map.of("answers", answers))
                .post("/api/surveys/me/invitations/" + invitation(employee, round) + "/submit").then().statusCode(204);
    }

    static JsonPath report(String token, String round, String unit, String by) {
        var request = given().auth().oauth2(token).queryParam("by", by);
        if (unit != null) {
            request.queryParam("unit", unit);
        }
        return request.get("/api/surveys/rounds/" + round + "/report").then().statusCode(200).extract().jsonPath();
    }
}
