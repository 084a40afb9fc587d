package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.kasam.testing.OpenApiValidation;

/**
 * The whole system as a client sees it: the local stack (real PostgreSQL, Kafka and Keycloak, the packaged
 * services and gateway) on random ports, driven through the gateway with tokens from the real Keycloak.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemIT {
    static final String PROBLEM = "application/problem+json";

    LocalStack stack;
    KeycloakTokens tokens;

    @BeforeAll
    void start() throws Exception {
        // with the demo municipality, loaded as the start command loads it
        stack = DemoStack.get();
        tokens = new KeycloakTokens(stack.keycloakUrl());
        RestAssured.baseURI = stack.gatewayUrl();
        // every answer below is checked against the merged document the frontend team generates its client from
        OpenApiValidation.install(stack.gatewayUrl() + "/openapi");
    }

    @AfterAll
    void stop() {
        // the stack goes on to the next class that shares it (DemoStack)
        RestAssured.reset();
    }

    @Test
    void hrCreatesUnitAndEmployeeAndSickleaveSeesTheEmployee() {
        String hr = tokens.hrIntegration();
        given().auth().oauth2(hr).contentType(ContentType.JSON)
                // under social services, as HR places a unit (a second root of one person would hide the
                // municipality's own monthly totals, its complement, from 2018-08 on)
                .body(Map.of("code", "SYS-HT", "name", "Hemtjänsten Hoting", "parentCode", "SOC"))
                .post("/api/participants/units").then().statusCode(201);
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(employee("SYS-1", 75))
                .post("/api/participants/employees").then().statusCode(201).header("ETag", "\"0\"");

        String hrAdmin = tokens.user("hanna.hr");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(hrAdmin).get("/api/sickleave/employees/SYS-1").then().statusCode(200)
                        .body("unitCode", equalTo("SYS-HT")).body("employmentRate", equalTo(75.0f)));
    }

    @Test
    void theDemoMunicipalityIsLoadedAndEveryoneSeesOnlyWhatTheyMay() {
        given().auth().oauth2(tokens.user("hanna.hr")).queryParam("size", 1).get("/api/participants/employees")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(1300));
        // Magnus manages the care home where Emma works; Hanna works in HR
        String magnus = tokens.user("magnus.chef");
        given().auth().oauth2(magnus).get("/api/participants/employees/D0005").then().statusCode(200);
        given().auth().oauth2(magnus).get("/api/participants/employees/D0001").then().statusCode(404).contentType(PROBLEM);
        String emma = tokens.user("emma.employee");
        given().auth().oauth2(emma).get("/api/participants/me").then().statusCode(200).body("employeeNumber", equalTo("D0005"));
        given().auth().oauth2(emma).get("/api/participants/employees/D0003").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(emma).get("/api/participants/employees").then().statusCode(403);

        // the demo's first trio round: Emma's colleagues by name and unit, nothing more about them
        given().auth().oauth2(emma).get("/api/participants/me/trio").then().statusCode(200)
                .body("colleagues.size()", greaterThanOrEqualTo(2))
                .body("colleagues[0].keySet()", containsInAnyOrder("name", "unitCode", "unitName"));
        // a manager may not form a round for units that are not theirs
        given().auth().oauth2(magnus).contentType(ContentType.JSON).body(Map.of("name", "x", "unitCodes", List.of("KS")))
                .post("/api/participants/trio-rounds").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void theDemoSurveysShowAModestImprovementLargerAmongWomen() {
        String erik = tokens.user("erik.eval");
        var rounds = given().auth().oauth2(erik).get("/api/surveys/rounds").then().statusCode(200).extract().jsonPath();
        String baseline = rounds.getString("items.find { it.name == 'Baseline 2019' }.id");
        String followUp = rounds.getString("items.find { it.name == 'Follow-up 2021' }.id");
        assertTrue(rounds.getInt("items.find { it.name == 'Baseline 2019' }.respondents") > 900, "the baseline's answers are in");
        assertTrue("CLOSED".equals(rounds.getString("items.find { it.name == 'Follow-up 2021' }.status")));
        var comparison = given().auth().oauth2(erik).queryParam("baseline", baseline).queryParam("followUp", followUp)
                .get("/api/surveys/comparison").then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        String soc = "instruments.find { it.code == 'SOC-13' }.measures.find { it.measure == 'TOTAL' }.groups.find { it.group == '%s' }.paired.%s";
        assertTrue(comparison.getDouble(soc.formatted("ALL", "n")) > 600, "most answered both rounds");
        assertTrue(comparison.getDouble(soc.formatted("ALL", "ciLow")) > 0, "SOC-13 improved");
        double women = comparison.getDouble(soc.formatted("FEMALE", "meanDifference"));
        double men = comparison.getDouble(soc.formatted("MALE", "meanDifference"));
        assertTrue(women > men && women < 10, "women +" + women + ", men +" + men);
        String hme = "instruments.find { it.code == 'HME' }.measures.find { it.measure == 'TOTAL' }.groups.find { it.group == '%s' }.paired.indexChange";
        assertTrue(comparison.getDouble(hme.formatted("FEMALE")) > comparison.getDouble(hme.formatted("MALE")), "HME: women's more");
        given().auth().oauth2(erik).queryParam("by", "GENDER").get("/api/surveys/rounds/" + followUp + "/report").then()
                .statusCode(200).body("instruments.code", hasItems("SOC-13", "HME", "KASAM-AM"));

        // Emma was invited to both; her invitation is hers alone
        String emma = tokens.user("emma.employee");
        given().auth().oauth2(emma).get("/api/surveys/me/invitations").then().statusCode(200)
                .body("roundName", hasItems("Baseline 2019", "Follow-up 2021"));
        given().auth().oauth2(emma).get("/api/surveys/rounds/" + followUp + "/report").then().statusCode(403).contentType(PROBLEM);
        // Magnus sees his care home's results, not another unit's
        String magnus = tokens.user("magnus.chef");
        String home = given().auth().oauth2(magnus).get("/api/participants/employees/D0005").then().extract().path("unitCode");
        given().auth().oauth2(magnus).queryParam("unit", home).get("/api/surveys/rounds/" + followUp + "/report").then().statusCode(200);
        given().auth().oauth2(magnus).queryParam("unit", "KS").get("/api/surveys/rounds/" + followUp + "/report").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theEvaluationReportHasEverySectionFilledAndAManagersCoversTheirUnitsOnly() throws Exception {
        String lead = tokens.user("petra.lead");
        // sick leave's figures of a period are published a moment after its facts settle (until then: none)
        String beforeTotal = "sickLeave.data.periods[0].figures.find { it.key == 'TOTAL' }.percent";
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            var answer = given().auth().oauth2(lead).get("/api/evaluation/report").then().statusCode(200).extract().jsonPath();
            assertNotNull(answer.get(beforeTotal), "sick leave: " + answer.getString("sickLeave"));
        });
        var report = given().auth().oauth2(lead).get("/api/evaluation/report").then().statusCode(200)
                .body("participation.status", equalTo("AVAILABLE")).body("survey.status", equalTo("AVAILABLE"))
                .body("sickLeave.status", equalTo("AVAILABLE")).extract().jsonPath();
        int staff = report.getInt("participation.data.completion.find { it.group == 'ALL' }.staff");
        assertTrue(staff > 600, "the programme's staff: " + staff);
        assertTrue(report.getInt("participation.data.trioGroups.formed") > 100);
        assertTrue(report.getDouble("participation.data.hours.find { it.group == 'ALL' }.hours") > 1000);
        assertEquals("Baseline 2019", report.getString("survey.data.baseline.name"));
        assertEquals("Follow-up 2021", report.getString("survey.data.followUp.name"));
        assertTrue(report.getDouble("survey.data.changes.find { it.instrument == 'SOC-13' && it.measure == 'TOTAL' && it.group == 'FEMALE' }.meanDifference") > 0);
        assertEquals(List.of("before", "during", "after"), report.getList("sickLeave.data.periods.name"));
        assertTrue(report.getDouble(beforeTotal) > report.getDouble("sickLeave.data.periods[2].figures.find { it.key == 'TOTAL' }.percent"),
                "sick leave lower after the programme than before");
        assertTrue(report.getList("sickLeave.data.monthly").size() >= 60);
        assertTrue(report.getInt("esf.participants.women") > report.getInt("esf.participants.men"));
        assertTrue(report.getList("esf.aims").size() >= 5);
        assertTrue(report.getList("esf.indicators.findAll { it.value == null }").isEmpty(), "every indicator measured");

        String page = given().auth().oauth2(lead).get("/api/evaluation/report.html").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("<html lang=\"sv\"") && page.split("<svg ", -1).length - 1 == 5, "the page with its five charts");
        byte[] pdf = given().auth().oauth2(lead).get("/api/evaluation/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

        // Magnus's report is his care home's: smaller than the municipality's, and another unit is not his
        String magnus = tokens.user("magnus.chef");
        String home = given().auth().oauth2(magnus).get("/api/participants/employees/D0005").then().extract().path("unitCode");
        var his = given().auth().oauth2(magnus).queryParam("unit", home).get("/api/evaluation/report").then().statusCode(200)
                .body("unit", equalTo(home)).extract().jsonPath();
        Integer hisStaff = his.get("participation.data.completion.find { it.group == 'ALL' }.staff");
        assertTrue(hisStaff == null || hisStaff < staff, "his unit only: " + hisStaff);
        given().auth().oauth2(magnus).queryParam("unit", "KS").get("/api/evaluation/report").then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(magnus).get("/api/evaluation/report").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(tokens.user("erik.eval")).get("/api/evaluation/report").then().statusCode(200);
        given().auth().oauth2(tokens.user("emma.employee")).get("/api/evaluation/report").then().statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void theDemoProgrammeRanThroughTheGatewayAndBookingsWorkAsTheyDid() {
        String lead = tokens.user("petra.lead");
        String emma = tokens.user("emma.employee");
        // most of the staff at the programme's end went through all three workshops
        var progress = given().auth().oauth2(lead).queryParam("on", "2021-04-30").get("/api/workshops/progress").then()
                .statusCode(200).extract().jsonPath();
        int staff = progress.getInt("groups[0].staff");
        int allThree = progress.getInt("groups[0].done[3].employees");
        assertTrue(allThree > staff / 2, allThree + " of " + staff + " through all three");
        // Emma's own screen: three modules, trio meetings, hours
        var mine = given().auth().oauth2(emma).get("/api/workshops/me").then().statusCode(200).extract().jsonPath();
        assertTrue(mine.getList("modulesAttended").size() == 3 && mine.getDouble("hours") >= 9, "Emma: " + mine.prettify());
        // the ESF hours of a month add up: all = women + men, and the rows sum to the total
        String hr = tokens.user("hanna.hr");
        var esf = given().auth().oauth2(hr).get("/api/workshops/esf-exports/2020-10").then().statusCode(200)
                .body("exported", equalTo(true)).extract().jsonPath();
        double all = esf.getDouble("totals.find { it.legalGender == 'ALL' }.hours");
        double women = esf.getDouble("totals.find { it.legalGender == 'FEMALE' }.hours");
        double men = esf.getDouble("totals.find { it.legalGender == 'MALE' }.hours");
        double rows = esf.getList("rows.hours", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertTrue(all > 100 && Math.abs(all - women - men) < 0.01 && Math.abs(all - rows) < 0.01,
                "all " + all + ", women " + women + ", men " + men + ", rows " + rows);
        given().auth().oauth2(emma).get("/api/workshops/esf-exports/2020-10").then().statusCode(403).contentType(PROBLEM);

        // a new session: Emma books her place and cancels it; the facilitator Frida sees her own sessions' lists only
        String session = given().auth().oauth2(lead).contentType("application/json").body(Map.of("moduleCode", "HALSOFRAMJANDE-LEDARSKAP",
                        "startsAt", java.time.OffsetDateTime.now().plusDays(30).toString(),
                        "endsAt", java.time.OffsetDateTime.now().plusDays(30).plusHours(6).toString(), "placeName", "Folkets hus",
                        "capacity", 12, "facilitators", List.of("D0004")))
                .post("/api/workshops/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(emma).contentType("application/json").body("{}").post("/api/workshops/sessions/" + session + "/bookings")
                .then().statusCode(409).contentType(PROBLEM).body("errors[0].rule", equalTo("Audience"));
        String magnus = tokens.user("magnus.chef");
        String booking = given().auth().oauth2(magnus).contentType("application/json").body("{}")
                .post("/api/workshops/sessions/" + session + "/bookings").then().statusCode(201)
                .body("status", equalTo("BOOKED")).extract().path("id");
        // not hers: as if it did not exist, and nothing says whose it is
        given().auth().oauth2(emma).get("/api/workshops/bookings/" + booking).then().statusCode(404).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.not(containsString("D0")));
        given().auth().oauth2(emma).post("/api/workshops/bookings/" + booking + "/cancel").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(magnus).post("/api/workshops/bookings/" + booking + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        String frida = tokens.user("frida.facilitator");
        given().auth().oauth2(frida).get("/api/workshops/sessions/" + session + "/bookings").then().statusCode(200);
        String others = given().auth().oauth2(lead).contentType("application/json").body(Map.of("moduleCode", "GOD-ARBETSMILJO",
                        "startsAt", java.time.OffsetDateTime.now().plusDays(31).toString(),
                        "endsAt", java.time.OffsetDateTime.now().plusDays(31).plusHours(3).toString(), "placeName", "Hoting",
                        "capacity", 12))
                .post("/api/workshops/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(frida).get("/api/workshops/sessions/" + others + "/bookings").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theDemoAbsenceGivesSuppressedStatisticsAndIndividualSpellsOnlyToThoseWhoMay() {
        String erik = tokens.user("erik.eval");
        // the demo's absence is loaded with the municipality; its facts follow the employee events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(erik).get("/api/sickleave/statistics?from=2025-01&to=2025-12").then().statusCode(200)
                        // the generated municipality is as of 2026-01-01: about a tenth were hired in 2026
                        .body("employees", greaterThanOrEqualTo(1000))
                        .body("figures.find { it.key == 'TOTAL' }.percent", greaterThan(3.0f)));
        var year = given().auth().oauth2(erik).get("/api/sickleave/statistics?from=2025-01&to=2025-12").then().extract();
        float women = year.path("figures.find { it.key == 'WOMEN' }.percent");
        float men = year.path("figures.find { it.key == 'MEN' }.percent");
        assertTrue(women > men, "women's rate above men's: " + women + " / " + men);
        // the programme years are lower than the year before (each year's publication is computed a moment after
        // its facts settle: until then a year answers nothing)
        for (String settled : List.of("2018", "2020")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(erik)
                    .get("/api/sickleave/statistics?from=" + settled + "-01&to=" + settled + "-12").then().statusCode(200)
                    .body("figures.find { it.key == 'WOMEN' }.percent", greaterThan(0f)));
        }
        var before = given().auth().oauth2(erik).get("/api/sickleave/statistics?from=2018-01&to=2018-12").then().extract();
        var during = given().auth().oauth2(erik).get("/api/sickleave/statistics?from=2020-01&to=2020-12").then().extract();
        float rateBefore = before.path("figures.find { it.key == 'WOMEN' }.percent");
        float rateDuring = during.path("figures.find { it.key == 'WOMEN' }.percent");
        assertTrue(rateDuring < rateBefore, "women 2020 " + rateDuring + " below 2018 " + rateBefore);
        given().auth().oauth2(erik).get("/api/sickleave/statistics/programme").then().statusCode(200)
                .body("periods.name", hasItems("before", "during", "after"));
        // a unit with few employees is suppressed in the breakdown, whoever asks
        given().auth().oauth2(tokens.user("hanna.hr")).queryParam("unit", "KOMMUN").get("/api/sickleave/statistics/units")
                .then().statusCode(200).body("ownStaff.figures.find { it.key == 'TOTAL' }.suppressed", equalTo("GROUP_TOO_SMALL"));

        // individual spells: Magnus may read Emma's (his staff), not Hanna's; the HR system writes spells but reads none; every read audited
        String magnus = tokens.user("magnus.chef");
        given().auth().oauth2(magnus).get("/api/sickleave/employees/D0005/spells").then().statusCode(200);
        given().auth().oauth2(magnus).get("/api/sickleave/employees/D0001/spells").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(tokens.user("emma.employee")).get("/api/sickleave/me/spells").then().statusCode(200);
        // the project lead is an employee too, but not Emma's manager: as if Emma had no spells
        given().auth().oauth2(tokens.user("petra.lead")).get("/api/sickleave/employees/D0005/spells").then().statusCode(404);
        given().auth().oauth2(tokens.hrIntegration()).get("/api/sickleave/employees/D0005/spells").then().statusCode(403);
        given().auth().oauth2(tokens.user("hanna.hr")).queryParam("employee", "D0005").get("/api/sickleave/audit")
                .then().statusCode(200).body("items.actor", hasItems("magnus.chef", "emma.employee"));
        given().auth().oauth2(magnus).get("/api/sickleave/statistics?unit=KS").then().statusCode(404);
    }

    /**
     * Issue 10's differencing families through the gateway on the demo: for every unit down to the workplaces under
     * the administrations, 2024 and 2025, the breakdown (a subtree against its own staff and child units, per group),
     * every answer's groups (women and men, age bands, against everyone), a year against February–December and
     * against its months, and the programme comparison with two overlapping periods. Nothing shown leaves a group of
     * 1 to 10 employees as the difference.
     */
    @Test
    void theDifferencingFamiliesFindNothingOnTheDemo() {
        String erik = tokens.user("erik.eval");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(erik).get("/api/sickleave/statistics?from=2025-01&to=2025-12").then().statusCode(200)
                        .body("figures.find { it.key == 'MEN' }.percent", greaterThan(0f)));
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of("KOMMUN"));
        int units = 0;
        int relations = 0;
        while (!queue.isEmpty() && units < 60) {
            String unit = queue.poll();
            units++;
            for (int year : List.of(2024, 2025)) {
                var breakdown = given().auth().oauth2(erik).queryParam("unit", unit).queryParam("from", year + "-01")
                        .queryParam("to", year + "-12").get("/api/sickleave/statistics/units").then().statusCode(200)
                        .extract().jsonPath();
                List<String> children = breakdown.getList("children.unit");
                if (year == 2025 && unit.split("-").length < 2) {
                    queue.addAll(children);
                }
                for (String key : FIGURE_KEYS) {
                    List<Map<String, Object>> parts = new java.util.ArrayList<>();
                    parts.add(figure(breakdown.getList("ownStaff.figures"), key));
                    for (int i = 0; i < children.size(); i++) {
                        parts.add(figure(breakdown.getList("children[" + i + "].figures"), key));
                    }
                    relations += noSmallRemainder(unit + " " + year + " " + key + " = own staff + children",
                            figure(breakdown.getList("total.figures"), key), parts);
                }
                var whole = statistics(erik, unit, year + "-01", year + "-12");
                relations += groups(unit + " " + year, whole);
                var laterMonths = statistics(erik, unit, year + "-02", year + "-12");
                var january = statistics(erik, unit, year + "-01", year + "-01");
                relations += groups(unit + " " + year + "-01", january);
                for (String key : FIGURE_KEYS) {
                    if (figure(whole, key).get("percent") != null && figure(laterMonths, key).get("percent") != null) {
                        // January follows from the two: it must be a figure that may be shown
                        assertTrue(figure(january, key).get("percent") != null, unit + " " + year + " " + key
                                + ": the year and February-December are shown but January is not");
                    }
                }
                var series = given().auth().oauth2(erik).queryParam("unit", unit).queryParam("from", year + "-01")
                        .queryParam("to", year + "-12").get("/api/sickleave/statistics/monthly").then().statusCode(200)
                        .extract().jsonPath();
                for (int m = 0; m < 12; m++) {
                    relations += groups(unit + " " + year + " month " + (m + 1), series.getList("months[" + m + "].figures"));
                }
            }
            var programme = given().auth().oauth2(erik).queryParam("unit", unit)
                    .queryParam("period", "whole:2025-01/2025-12").queryParam("period", "later:2025-02/2025-12")
                    .get("/api/sickleave/statistics/programme").then().statusCode(200).extract().jsonPath();
            var january = statistics(erik, unit, "2025-01", "2025-01");
            for (String key : FIGURE_KEYS) {
                if (figure(programme.getList("periods[0].figures"), key).get("percent") != null
                        && figure(programme.getList("periods[1].figures"), key).get("percent") != null) {
                    assertTrue(figure(january, key).get("percent") != null, unit + " " + key
                            + ": the programme's overlapping periods give January 2025, which is not shown");
                }
            }
        }
        assertTrue(units >= 20 && relations > 1000, "attacked " + units + " units, " + relations + " relations");
    }

    static final List<String> FIGURE_KEYS = List.of("TOTAL", "WOMEN", "MEN", "AGE_29_OR_YOUNGER", "AGE_30_TO_49",
            "AGE_50_OR_OLDER");

    private static List<Map<String, Object>> statistics(String token, String unit, String from, String to) {
        return given().auth().oauth2(token).queryParam("unit", unit).queryParam("from", from).queryParam("to", to)
                .get("/api/sickleave/statistics").then().statusCode(200).extract().jsonPath().getList("figures");
    }

    private static Map<String, Object> figure(List<Map<String, Object>> figures, String key) {
        return figures.stream().filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow();
    }

    /** Everyone against women and men, and against the age bands. */
    private static int groups(String what, List<Map<String, Object>> figures) {
        Map<String, Object> total = figure(figures, "TOTAL");
        return noSmallRemainder(what + " women + men", total, List.of(figure(figures, "WOMEN"), figure(figures, "MEN")))
                + noSmallRemainder(what + " age bands", total, List.of(figure(figures, "AGE_29_OR_YOUNGER"),
                figure(figures, "AGE_30_TO_49"), figure(figures, "AGE_50_OR_OLDER")));
    }

    /** A shown total less its shown parts leaves the hidden parts together: not 1 to 10 employees. */
    private static int noSmallRemainder(String what, Map<String, Object> total, List<Map<String, Object>> parts) {
        if (total.get("percent") == null) {
            return 0;
        }
        int hidden = parts.stream().filter(p -> p.get("percent") == null)
                .mapToInt(p -> ((Number) p.get("employees")).intValue()).sum();
        assertTrue(hidden == 0 || hidden > 10, what + ": the hidden parts are " + hidden + " employees");
        return 1;
    }

    @Test
    void hrImportsCsvFilesThroughTheGateway() {
        String units = "\uFEFFcode;name;parentCode;managers\nSYS-CSV;Förskolan Hoting;BUF;\n";
        String employees = "employeeNumber;name;legalGender;birthYear;unitCode;employmentRate;fullTimeHours;employmentType;startDate\n"
                + "SYS-C1;Ida Holm;FEMALE;1990;SYS-CSV;80;40;PERMANENT;2020-08-01\n"
                + "SYS-C2;Oskar Berg;MALE;1985;NO-SUCH;100;40;PERMANENT;2020-08-01\n";
        String hr = tokens.hrIntegration();
        given().auth().oauth2(hr).multiPart("units", "units.csv", units.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("employees", "employees.csv", employees.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/participants/hr/import").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("employees[2].unitCode"));
        given().auth().oauth2(hr).multiPart("units", "units.csv", units.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("employees", "employees.csv", employees.getBytes(StandardCharsets.UTF_8), "text/csv")
                .queryParam("mode", "partial").post("/api/participants/hr/import").then().statusCode(200)
                .body("units.created", equalTo(1)).body("employees.created", equalTo(1)).body("employees.rejected", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(tokens.user("hanna.hr"))
                .get("/api/sickleave/employees/SYS-C1").then().statusCode(200).body("unitCode", equalTo("SYS-CSV")));
    }

    @Test
    void tokensThatAreMissingExpiredOrForeignGet401BeforeAnyService() throws Exception {
        given().get("/api/participants/employees").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:kasam:problem:unauthenticated"));
        given().auth().oauth2("garbage").get("/api/participants/employees").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(reSignedWithAnotherKey(tokens.user("hanna.hr"))).get("/api/participants/employees")
                .then().statusCode(401).contentType(PROBLEM);

        // a token that lives one second: refused once it has expired, which is waited for, not slept for
        String expiring = RealmAdmin.withAccessTokenLifespan(stack.keycloakUrl(), 1, () -> tokens.user("hanna.hr"));
        long expiresAt = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(expiring.split("\\.")[1]))
                .get("exp").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(expiring).get("/api/participants/employees").statusCode() == 401);
        assertTrue(System.currentTimeMillis() / 1000 >= expiresAt, "refused only after its expiry");
        given().auth().oauth2(expiring).get("/api/participants/employees").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aRoleThatMayNotGets403() {
        given().auth().oauth2(tokens.user("emma.employee")).contentType(ContentType.JSON).body(employee("SYS-403", 50))
                .post("/api/participants/employees").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:kasam:problem:forbidden"));
        given().auth().oauth2(tokens.user("erik.eval")).get("/api/sickleave/employees/D0005").then().statusCode(403);
    }

    @Test
    void badInputIsA400ProblemAndNothingIsWritten() {
        String hr = tokens.hrIntegration();
        given().auth().oauth2(hr).contentType(ContentType.JSON).body("{\"employeeNumber\": \"SYS-BAD\", \"name\": ")
                .post("/api/participants/employees").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:kasam:problem:malformed-body"));
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(employee("SYS-BAD", 130))
                .post("/api/participants/employees").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("employmentRate"));
        given().auth().oauth2(hr).get("/api/participants/employees/SYS-BAD").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theGatewayServesOneOpenApiAndReportsItsUpstreams() {
        OpenApiValidation.parse(OpenApiValidation.fetch(stack.gatewayUrl() + "/openapi"));
        given().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/participants/employees"))
                .body("paths", hasKey("/api/sickleave/employees/{employeeNumber}"))
                .body("paths", hasKey("/api/workshops/modules"))
                .body("paths", hasKey("/api/surveys/instruments"))
                .body("paths", hasKey("/api/evaluation/report"));
        given().get("/q/health/group/upstreams").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * The role matrix (src/test/resources/role-matrix.csv): every operation of the merged document, called as each
     * role and with no token, answers as its row says; an operation without a row fails (see {@link RoleMatrix}).
     * On this stack rather than one of its own, so the system tests start the stack once.
     */
    @Test
    void everyOperationAnswersEachRoleAsTheRoleMatrixSays() {
        RoleMatrix.check(stack.gatewayUrl(), tokens);
    }

    private static Map<String, Object> employee(String number, int rate) {
        return Map.of("employeeNumber", number, "name", "Sara Persson", "legalGender", "FEMALE", "birthYear", 1980,
                "unitCode", "SYS-HT", "employmentRate", rate, "fullTimeHours", 40, "employmentType", "PERMANENT",
                "startDate", "2018-08-01");
    }

    /** The same header and claims as a real token, signed by a key Keycloak never had. */
    private static String reSignedWithAnotherKey(String token) throws Exception {
        String[] parts = token.split("\\.");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }
}
