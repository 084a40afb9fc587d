package se.kasam.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

@QuarkusTest
class InstrumentResourceTest {
    static final String EVALUATOR = TestTokens.of("erik", Roles.EVALUATOR);
    static final String LEAD = TestTokens.of("petra", Roles.PROJECT_LEAD);

    @Test
    void soc13ShipsStructureButNoLicensedText() {
        given().auth().oauth2(EVALUATOR).get("/api/surveys/instruments/SOC-13").then().statusCode(200)
                .body("version", equalTo(1))
                .body("definition.items.size()", equalTo(13))
                .body("definition.items.scale.min", everyItem(equalTo(1)))
                .body("definition.items.scale.max", everyItem(equalTo(7)))
                .body("definition.items.findAll { it.reversed }.id", contains("1", "2", "3", "7", "10"))
                .body("definition.subscales.find { it.id == 'COMPREHENSIBILITY' }.items", contains("2", "6", "8", "9", "11"))
                .body("definition.items.text", everyItem(nullValue()))
                .body("definition.scoring.maxMissing", equalTo(2))
                .body("definition.scoring.subscaleMaxMissing", equalTo(1));
    }

    @Test
    void listsTheBuiltInsAndAnswersProblemsForUnknownOnesAndMissingTokens() {
        given().auth().oauth2(EVALUATOR).queryParam("size", 500).get("/api/surveys/instruments").then().statusCode(200)
                .body("items.code", hasItems("HME", "KASAM-AM", "SOC-13"))
                .body("items.find { it.code == 'KASAM-AM' }.definition.platformOwn", equalTo(true));
        given().auth().oauth2(EVALUATOR).queryParam("size", 0).get("/api/surveys/instruments").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(EVALUATOR).get("/api/surveys/instruments/NOPE").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:kasam:problem:not-found"));
        given().get("/api/surveys/instruments").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aProjectLeadImportsChangesAndVersionsAnInstrument() {
        Map<String, Object> hme = given().auth().oauth2(LEAD).get("/api/surveys/instruments/HME").then().statusCode(200)
                .extract().jsonPath().getMap("definition");
        hme.put("code", "TEST-IMPORT");
        given().auth().oauth2(EVALUATOR).contentType(ContentType.JSON).body(hme).post("/api/surveys/instruments")
                .then().statusCode(403).contentType("application/problem+json");
        String etag = given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(hme).post("/api/surveys/instruments")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/surveys/instruments/TEST-IMPORT"))
                .body("version", equalTo(1)).extract().header("ETag");
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(hme).post("/api/surveys/instruments")
                .then().statusCode(409).contentType("application/problem+json");
        hme.put("source", "changed");
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(hme).put("/api/surveys/instruments/TEST-IMPORT")
                .then().statusCode(428);
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).header("If-Match", etag).body(hme)
                .put("/api/surveys/instruments/TEST-IMPORT").then().statusCode(200)
                .body("revision", equalTo(2)).body("definition.source", equalTo("changed"));
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).header("If-Match", etag).body(hme)
                .put("/api/surveys/instruments/TEST-IMPORT").then().statusCode(412);
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(hme).post("/api/surveys/instruments/TEST-IMPORT/versions")
                .then().statusCode(201).body("version", equalTo(2)).body("revision", equalTo(3));
        given().auth().oauth2(LEAD).queryParam("version", 1).get("/api/surveys/instruments/TEST-IMPORT").then()
                .statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aBrokenDefinitionIsRefusedNamingEachField() {
        Map<String, Object> soc = given().auth().oauth2(LEAD).get("/api/surveys/instruments/SOC-13").then().statusCode(200)
                .extract().jsonPath().getMap("definition");
        soc.put("code", "TEST-BROKEN");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) soc.get("items");
        items.get(0).put("scale", Map.of("min", 7, "max", 1));
        items.add(Map.of("id", "note", "type", "FREE_TEXT", "reversed", true, "required", false));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subscales = (List<Map<String, Object>>) soc.get("subscales");
        subscales.get(1).put("items", List.of("3", "5", "10", "13", "2"));
        JsonPath problem = given().auth().oauth2(LEAD).contentType(ContentType.JSON).body(soc).post("/api/surveys/instruments")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("items[0].scale ScaleBounds", "items[13].reversed NotReversible", "subscales[1].items[4] OneSubscale"),
                problem.getList("errors", Map.class).stream().map(e -> e.get("field") + " " + e.get("rule")).sorted().toList());
        given().auth().oauth2(LEAD).get("/api/surveys/instruments/TEST-BROKEN").then().statusCode(404);
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).body("{\"code\": \"X\", \"items\": [").post("/api/surveys/instruments")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
