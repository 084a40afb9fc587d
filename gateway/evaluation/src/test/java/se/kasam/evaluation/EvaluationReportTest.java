package se.kasam.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/**
 * The report composed from stand-in services over real HTTP: every section with its figures as the services sent
 * them, a suppressed part shown as suppressed, a service down or slow costing only its section and within the bound,
 * and the circuit opening for a service that keeps failing (last: it stays open for the rest of the run).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandIns.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationReportTest {
    static final String LEAD = TestTokens.of("petra", Roles.PROJECT_LEAD);
    /** The test profile's section timeout. */
    static final long TIMEOUT_MS = 1500;

    @BeforeEach
    void reset() {
        StandIns.reset();
    }

    @Test
    @Order(1)
    void everySectionIsComposedWithTheCallersOwnToken() {
        JsonPath report = given().auth().oauth2(LEAD).get("/api/evaluation/report").then().statusCode(200)
                .body("programme", equalTo("Kasam 2.0")).body("unit", nullValue())
                .body("periods.name", contains("before", "during", "after"))
                .body("participation.status", equalTo("AVAILABLE")).body("survey.status", equalTo("AVAILABLE"))
                .body("sickLeave.status", equalTo("AVAILABLE"))
                .extract().jsonPath();
        // participation: 200 staff, 10 of them through none of the modules
        assertEquals(List.of(190, 145, 45), report.getList("participation.data.completion.reached"));
        assertEquals("GROUP_TOO_SMALL", report.getString("participation.data.byUnit[1].groups[0].suppressed"));
        assertEquals(60, report.getInt("participation.data.trioGroups.formed"));
        assertEquals(1900.5f, report.getFloat("participation.data.hours[0].hours"));
        // survey: the first and the last closed round, the men's paired change suppressed but their means shown
        assertEquals("Baslinje 2019", report.getString("survey.data.baseline.name"));
        assertEquals("Uppföljning 2021", report.getString("survey.data.followUp.name"));
        assertEquals("COMPLEMENTARY", report.getString("survey.data.changes.find { it.group == 'MALE' }.suppressed"));
        assertEquals(63.9f, report.getFloat("survey.data.changes.find { it.group == 'MALE' }.baselineMean"));
        assertEquals(0.7612f, report.getFloat("survey.data.responseRates[1].rate"));
        // sick leave: the periods' figures as the service gave them, a small age band suppressed
        assertEquals(7.2f, report.getFloat("sickLeave.data.periods[0].figures[0].percent"));
        assertEquals("GROUP_TOO_SMALL", report.getString("sickLeave.data.periods[0].figures[4].suppressed"));
        assertEquals(3, report.getList("sickLeave.data.monthly").size());
        assertEquals(List.of("TOTAL", "LONG_TERM_SHARE", "WOMEN", "MEN"), report.getList("sickLeave.data.monthly[0].figures.key"));
        // ESF: hand-computed indicators and the aims against them
        assertEquals(List.of(145, 45, 190), List.of(report.getInt("esf.participants.women"), report.getInt("esf.participants.men"),
                report.getInt("esf.participants.total")));
        assertEquals(95.0f, indicator(report, "REACHED_SHARE"));
        assertEquals(75.0f, indicator(report, "ALL_THREE_SHARE"));
        assertEquals(80.0f, indicator(report, "ALL_THREE_SHARE_WOMEN"));
        assertEquals(60.0f, indicator(report, "ALL_THREE_SHARE_MEN"));
        assertEquals(80.0f, indicator(report, "TRIO_GROUPS_MEETING_SHARE"));
        assertEquals(76.1f, indicator(report, "FOLLOW_UP_RESPONSE_RATE"));
        assertEquals(3.53f, indicator(report, "SOC13_CHANGE_WOMEN"));
        assertEquals(4.0f, indicator(report, "HME_INDEX_CHANGE"));
        assertEquals(-1.1f, indicator(report, "SICK_LEAVE_CHANGE"));
        assertEquals(-1.5f, indicator(report, "SICK_LEAVE_CHANGE_WOMEN"));
        assertEquals(List.of("NOT_MET", "MET", "MET", "MET", "MET", "MET", "MET"), report.getList("esf.aims.outcome"));
        // every call to a service carried the caller's token, and the programme's periods
        assertTrue(StandIns.CALLS.stream().allMatch(c -> c.startsWith("Bearer " + LEAD + " ")), StandIns.CALLS.toString());
        assertTrue(StandIns.CALLS.stream().anyMatch(c -> c.contains("/api/sickleave/statistics/programme?")
                && c.contains("period=before%3A2018-01%2F2019-07")), StandIns.CALLS.toString());
        assertTrue(StandIns.CALLS.stream().anyMatch(c -> c.contains("/api/workshops/progress?") && c.contains("on=2021-10-31")));
    }

    @Test
    @Order(2)
    void aSuppressedFigureIsShownAsSuppressedAndItsAimCannotBeJudged() {
        StandIns.womenSuppressed = true;
        JsonPath report = given().auth().oauth2(TestTokens.of("eva", Roles.EVALUATOR)).get("/api/evaluation/report")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLEMENTARY", report.getString("sickLeave.data.periods[2].figures[2].suppressed"));
        assertNull(report.get("sickLeave.data.periods[2].figures[2].percent"));
        assertNull(report.get("esf.indicators.find { it.indicator == 'SICK_LEAVE_CHANGE_WOMEN' }.value"));
        assertEquals("suppressed", report.getString("esf.indicators.find { it.indicator == 'SICK_LEAVE_CHANGE_WOMEN' }.missing"));
        assertEquals("NOT_AVAILABLE", report.getString("esf.aims[5].outcome"));
    }

    @Test
    @Order(3)
    void aServiceDownCostsOnlyItsSection() {
        StandIns.down("sickleave");
        long start = System.nanoTime();
        JsonPath report = given().auth().oauth2(LEAD).get("/api/evaluation/report").then().statusCode(200).extract().jsonPath();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertEquals("UNAVAILABLE", report.getString("sickLeave.status"));
        assertEquals("UNREACHABLE", report.getString("sickLeave.unavailable.code"));
        assertNull(report.get("sickLeave.data"));
        assertEquals("AVAILABLE", report.getString("participation.status"));
        assertEquals("AVAILABLE", report.getString("survey.status"));
        assertEquals("section unavailable", report.getString("esf.indicators.find { it.indicator == 'SICK_LEAVE_CHANGE' }.missing"));
        // refused at once: no wait at all (the bound is checked generously, a busy machine is slow)
        assertTrue(elapsed < TIMEOUT_MS + 3_000, "took " + elapsed + " ms");
    }

    @Test
    @Order(4)
    void aSlowServiceIsCutOffAtItsTimeout() {
        StandIns.MODES.put("surveys", StandIns.Mode.SLOW);
        long start = System.nanoTime();
        JsonPath report = given().auth().oauth2(LEAD).get("/api/evaluation/report").then().statusCode(200).extract().jsonPath();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertEquals("TIMEOUT", report.getString("survey.unavailable.code"));
        assertEquals("AVAILABLE", report.getString("sickLeave.status"));
        assertEquals("NOT_AVAILABLE", report.getString("esf.aims[3].outcome"));
        // the stand-in takes 10 s; the report is back after the 1.5 s timeout, not after those
        assertTrue(elapsed >= TIMEOUT_MS && elapsed < TIMEOUT_MS + 3_000, "took " + elapsed + " ms");
    }

    @Test
    @Order(5)
    void refusalsAreTheCallersAnswerAndBadQueriesAreNamed() {
        given().auth().oauth2(TestTokens.of("boss", Roles.MANAGER, "E-1")).queryParam("unit", "NOPE")
                .get("/api/evaluation/report").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("unit NOPE"));
        given().auth().oauth2(LEAD).queryParam("during", "2021-10/2019-08").get("/api/evaluation/report")
                .then().statusCode(400).body("errors[0].field", equalTo("during"));
        given().auth().oauth2(LEAD).queryParam("before", "2018-01/2020-01").get("/api/evaluation/report")
                .then().statusCode(400).body("errors[0].field", equalTo("during"));
        given().auth().oauth2(LEAD).queryParam("baseline", "11111111-1111-1111-1111-111111111111")
                .get("/api/evaluation/report").then().statusCode(400).body("errors[0].field", equalTo("followUp"));
        given().auth().oauth2(LEAD).queryParam("unit", "<script>").get("/api/evaluation/report.html")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(TestTokens.of("boss", Roles.MANAGER, "E-1")).get("/api/evaluation/report")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
        given().get("/api/evaluation/report").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("emma", Roles.EMPLOYEE, "E-2")).get("/api/evaluation/report.pdf")
                .then().statusCode(403);
    }

    @Test
    @Order(6)
    void thePageHasEveryChartWithItsTitleAndTable() throws IOException {
        String html = given().auth().oauth2(LEAD).get("/api/evaluation/report.html").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<html lang=\"sv\""))
                .extract().asString();
        Path page = Path.of("target", "evaluation-report.html");
        Files.writeString(page, html);
        assertEquals(4, count(html, "<h2 "));
        assertEquals(5, count(html, "<svg "), "completion, SOC-13, HME, sick leave by period and by month");
        assertEquals(5, count(html, "<figure>"));
        assertTrue(html.contains("dold: för liten grupp"));
        assertTrue(html.contains("150 (75,0 %)"));
        BrowserCheck.assertRenders(page, Path.of("target", "evaluation-report.png"));
    }

    @Test
    @Order(7)
    void thePdfHasEverySectionAndTheHeadlineFigures() throws IOException {
        byte[] pdf = given().auth().oauth2(LEAD).get("/api/evaluation/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        Files.write(Path.of("target", "evaluation-report.pdf"), pdf);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        for (String expected : List.of("Utvärdering av Kasam 2.0", "1. Deltagande i workshopparna", "2. Enkäten",
                "3. Sjukfrånvaro före, under och efter", "4. ESF-slutrapport", "Mål och resultat", "150 (75,0 %)",
                "Inte uppnått", "Uppnått", "Baslinje 2019", "+3,53", "-1,10", "475 125", "dold: för liten grupp")) {
            assertTrue(text.contains(expected), "the PDF says " + expected + ": " + text);
        }
    }

    @Test
    @Order(100)
    void aServiceThatKeepsFailingOpensItsCircuit() {
        StandIns.MODES.put("sickleave", StandIns.Mode.FAILING);
        String code = null;
        for (int i = 0; i < 8 && !"CIRCUIT_OPEN".equals(code); i++) {
            code = given().auth().oauth2(LEAD).get("/api/evaluation/report").then().statusCode(200)
                    .body("participation.status", equalTo("AVAILABLE")).extract().path("sickLeave.unavailable.code");
            assertTrue(List.of("FAILED", "CIRCUIT_OPEN").contains(code), code);
        }
        assertEquals("CIRCUIT_OPEN", code);
        int before = StandIns.CALLS.size();
        given().auth().oauth2(LEAD).get("/api/evaluation/report").then().statusCode(200)
                .body("sickLeave.unavailable.code", equalTo("CIRCUIT_OPEN"));
        assertTrue(StandIns.CALLS.stream().skip(before).noneMatch(c -> c.contains("/api/sickleave/")),
                "an open circuit does not call the service");
    }

    private static float indicator(JsonPath report, String name) {
        return report.getFloat("esf.indicators.find { it.indicator == '" + name + "' }.value");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
