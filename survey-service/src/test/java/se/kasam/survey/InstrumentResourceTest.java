package se.kasam.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

@QuarkusTest
class InstrumentResourceTest {
    static final String TOKEN = TestTokens.of("erik", Roles.EVALUATOR);

    @Test
    void soc13ShipsStructureButNoLicensedText() {
        given().auth().oauth2(TOKEN).get("/api/surveys/instruments/SOC-13").then().statusCode(200)
                .body("scaleMin", equalTo(1)).body("scaleMax", equalTo(7))
                .body("items.size()", equalTo(13))
                .body("items.findAll { it.reversed }.itemNo", contains(1, 2, 3, 7, 10))
                .body("items.findAll { it.subscale == 'COMPREHENSIBILITY' }.itemNo", contains(2, 6, 8, 9, 11))
                .body("items.text", everyItem(nullValue()));
    }

    @Test
    void listsInstrumentsAndAnswersProblemsForUnknownOnesAndMissingTokens() {
        given().auth().oauth2(TOKEN).get("/api/surveys/instruments").then().statusCode(200)
                .body("items.code", contains("HME", "SOC-13")).body("totalItems", equalTo(2));
        given().auth().oauth2(TOKEN).queryParam("size", 1).queryParam("page", 1).get("/api/surveys/instruments").then()
                .statusCode(200).body("items.code", contains("SOC-13")).body("totalPages", equalTo(2));
        given().auth().oauth2(TOKEN).queryParam("size", 0).get("/api/surveys/instruments").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKEN).get("/api/surveys/instruments/NOPE").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:kasam:problem:not-found"));
        given().get("/api/surveys/instruments").then().statusCode(401).contentType("application/problem+json");
    }
}
