package se.kasam.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/** Baseline against follow-up, with figures worked out by hand from the answers given. */
@QuarkusTest
class ComparisonTest {
    @Inject
    EntityManager em;

    @Test
    void thePairedChangeIsThatOfThePeopleInBothRounds() {
        Organisation org = new Organisation().unit("CMP-ROOT", null).unit("CMP-A", "CMP-ROOT", "CMP-MA").unit("CMP-B", "CMP-ROOT")
                .employee("CMP-MA", "CMP-ROOT", "FEMALE", 1975)
                .staff("CMP-E", 12, "CMP-A", "FEMALE", 1982).staff("CMP-E", 5, "CMP-B", "MALE", 1970)
                .staff("CMP-E", 4, "CMP-B", "FEMALE", 1990);
        org.awaitProjected(em);
        List<String> people = org.employees; // 22
        String baseline = Surveys.openRound("Baseline CMP", "CMP-ROOT");
        String followUp;
        // person i answers every SOC-13 item v = 3 + i % 3 (a total of 3v + 40: reversed items score 8 - v) and every
        // HME item 2 + i % 3
        for (int i = 1; i < people.size(); i++) { // the manager (0) skips the baseline
            int v = 3 + i % 3;
            int hme = 2 + i % 3;
            Surveys.submit(people.get(i), baseline, Surveys.answers(x -> v, x -> hme, null));
        }
        Surveys.close(baseline);
        followUp = Surveys.openRound("Follow-up CMP", "CMP-ROOT");
        // at follow-up, the even ones one step higher on every SOC-13 item (+3 on the total); on HME three in four
        // women one step higher, the men (13-17) alternately one step up and down
        List<Double> differences = new ArrayList<>();
        List<Double> women = new ArrayList<>();
        List<Double> men = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            int v = 3 + i % 3 + (i % 2 == 0 ? 1 : 0);
            boolean man = i >= 13 && i <= 17;
            int change = man ? (i % 2 == 0 ? 1 : -1) : (i % 4 == 0 ? 0 : 1);
            int hme = 2 + i % 3 + change;
            Surveys.submit(people.get(i), followUp, Surveys.answers(x -> v, x -> hme, null));
            if (i > 0) {
                differences.add(i % 2 == 0 ? 3.0 : 0.0);
                (man ? men : women).add((double) change);
            }
        }
        Surveys.close(followUp);

        JsonPath all = compare(Surveys.EVALUATOR, baseline, followUp, "CMP-ROOT");
        Map<String, Object> soc = group(all, "SOC-13", "TOTAL", "ALL");
        Map<String, Object> paired = map(soc.get("paired"));
        double mean = differences.stream().mapToDouble(d -> d).average().orElseThrow();
        double sd = Math.sqrt(differences.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (differences.size() - 1));
        assertEquals(21, ((Number) paired.get("n")).intValue());
        assertEquals(mean, ((Number) paired.get("meanDifference")).doubleValue(), 1e-9);
        assertEquals(sd, ((Number) paired.get("sdDifference")).doubleValue(), 1e-9);
        assertEquals(mean / sd, ((Number) paired.get("dz")).doubleValue(), 1e-9);
        assertEquals(mean / (sd / Math.sqrt(21)), ((Number) paired.get("t")).doubleValue(), 1e-9);
        Map<String, Object> unpaired = map(soc.get("unpaired"));
        assertEquals(21, ((Number) unpaired.get("baselineN")).intValue());
        assertEquals(22, ((Number) unpaired.get("followUpN")).intValue());

        // HME: women +1 on 1-5 (+25 on the index), men unchanged
        // HME by gender: the mean step of each, and on the index 25 points a step
        Map<String, Object> pairedWomen = map(group(all, "HME", "TOTAL", "FEMALE").get("paired"));
        double womenMean = women.stream().mapToDouble(d -> d).average().orElseThrow();
        assertEquals(16, ((Number) pairedWomen.get("n")).intValue());
        assertEquals(womenMean, ((Number) pairedWomen.get("meanDifference")).doubleValue(), 1e-9);
        assertEquals(womenMean * 25, ((Number) pairedWomen.get("indexChange")).doubleValue(), 1e-9);
        Map<String, Object> pairedMen = map(group(all, "HME", "TOTAL", "MALE").get("paired"));
        assertEquals(5, ((Number) pairedMen.get("n")).intValue());
        assertEquals(men.stream().mapToDouble(d -> d).average().orElseThrow(),
                ((Number) pairedMen.get("meanDifference")).doubleValue(), 1e-9);

        // a manager sees their own unit; another unit is unknown to them
        String manager = TestTokens.of("cmp-ma", Roles.MANAGER, "CMP-MA");
        compare(manager, baseline, followUp, "CMP-A");
        given().auth().oauth2(manager).queryParam("baseline", baseline).queryParam("followUp", followUp)
                .queryParam("unit", "CMP-B").get("/api/surveys/comparison").then().statusCode(404);
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("baseline", baseline).queryParam("followUp", baseline)
                .get("/api/surveys/comparison").then().statusCode(400);
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("baseline", "nope").queryParam("followUp", followUp)
                .get("/api/surveys/comparison").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("baseline"));
        given().auth().oauth2(Surveys.employee("CMP-E1")).queryParam("baseline", baseline).queryParam("followUp", followUp)
                .get("/api/surveys/comparison").then().statusCode(403);
    }

    static JsonPath compare(String token, String baseline, String followUp, String unit) {
        return given().auth().oauth2(token).queryParam("baseline", baseline).queryParam("followUp", followUp)
                .queryParam("unit", unit).get("/api/surveys/comparison").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static Map<String, Object> group(JsonPath comparison, String instrument, String measure, String group) {
        return comparison.getMap("instruments.find { it.code == '" + instrument + "' }.measures.find { it.measure == '"
                + measure + "' }.groups.find { it.group == '" + group + "' }");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
