package se.kasam.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.survey.service.ResponseMixer;
import se.kasam.survey.service.RoundSchedule;
import se.kasam.testing.TestClock;
import se.kasam.testing.EventProbe;
import se.kasam.testing.EventSchemas;
import se.kasam.testing.TestTokens;

@QuarkusTest
class SurveyRoundTest {
    @Inject
    EntityManager em;

    @Inject
    ResponseMixer mixer;

    @Inject
    RoundSchedule schedule;

    @Inject
    TestClock clock;

    /**
     * prefix-ROOT with its manager's own place; A: 9 women 30-49 and 3 men over 50; B: 5 women up to 29 and 2 men 30-49;
     * C: 3 women 30-49. 23 invited. A's manager is prefix-MA.
     */
    Organisation organisation(String p) {
        Organisation org = new Organisation().unit(p + "-ROOT", null).unit(p + "-A", p + "-ROOT", p + "-MA")
                .unit(p + "-B", p + "-ROOT").unit(p + "-C", p + "-ROOT")
                .employee(p + "-MA", p + "-ROOT", "FEMALE", 1975)
                .staff(p + "-E", 9, p + "-A", "FEMALE", 1982).staff(p + "-E", 3, p + "-A", "MALE", 1965)
                .staff(p + "-E", 5, p + "-B", "FEMALE", 2000).staff(p + "-E", 2, p + "-B", "MALE", 1988)
                .staff(p + "-E", 3, p + "-C", "FEMALE", 1984);
        org.awaitProjected(em);
        return org;
    }

    @Test
    void aRoundIsPlannedWithCheckedInputAndOpenedOnce() {
        organisation("R0");
        given().auth().oauth2(Surveys.LEAD).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "instruments", List.of(Map.of("code", "NOPE")),
                        "opensAt", OffsetDateTime.now().toString(), "closesAt", OffsetDateTime.now().minusDays(1).toString(),
                        "unitCodes", List.of("R0-NOPE")))
                .post("/api/surveys/rounds").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("closesAt", "instruments[0]", "unitCodes[0]"));
        given().auth().oauth2(Surveys.EVALUATOR).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/api/surveys/rounds").then().statusCode(403);
        String round = Surveys.openRound("Baseline R0", "R0-ROOT");
        given().auth().oauth2(Surveys.EVALUATOR).get("/api/surveys/rounds/" + round).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("invited", equalTo(23)).body("respondents", nullValue())
                .body("instruments.code", contains("SOC-13", "HME", "KASAM-AM")).body("instruments.version", contains(1, 1, 1));
        given().auth().oauth2(Surveys.LEAD).post("/api/surveys/rounds/" + round + "/open").then().statusCode(409);
        EventProbe.await("kasam.survey.rounds", r -> r.key().equals(round)
                && "kasam.survey.round.opened.v1".equals(EventProbe.header(r, "ce_type")), 1, java.time.Duration.ofSeconds(20))
                .forEach(EventSchemas::assertValid);
        EventSchemas.assertExamplesValid();
        // the version a round uses cannot change any more
        String etag = given().auth().oauth2(Surveys.LEAD).get("/api/surveys/instruments/HME").then().statusCode(200)
                .body("inUse", equalTo(true)).extract().header("ETag");
        Map<String, Object> hme = given().auth().oauth2(Surveys.LEAD).get("/api/surveys/instruments/HME").then()
                .extract().jsonPath().getMap("definition");
        given().auth().oauth2(Surveys.LEAD).contentType(ContentType.JSON).header("If-Match", etag).body(hme)
                .put("/api/surveys/instruments/HME").then().statusCode(409);
    }

    /**
     * The clock opens a planned round at its time and closes an open one at its time; a round opened after its
     * closing time (one held before, its answers imported) waits for the project lead to close it.
     */
    @Test
    void roundsOpenAndCloseAtTheirTimesUnlessTheyAreFromThePast() {
        organisation("R6");
        java.time.Instant now = java.time.Instant.now();
        String timed = create("Timed R6", now.minusSeconds(60), now.plusSeconds(3600));
        String past = create("Past R6", now.minusSeconds(86400 * 400L), now.minusSeconds(86400 * 300L));
        given().auth().oauth2(Surveys.LEAD).post("/api/surveys/rounds/" + past + "/open").then().statusCode(200);
        try {
            assertTrue(schedule.runDue());
            assertEquals("OPEN", status(timed));
            clock.pin(now.plusSeconds(7200));
            assertTrue(schedule.runDue());
            assertEquals("CLOSED", status(timed));
            assertEquals("OPEN", status(past), "a past round is closed by the project lead");
        } finally {
            clock.release();
        }
        // nobody submits to a round whose window is over; the project lead brings its answers in
        given().auth().oauth2(Surveys.employee("R6-E1")).contentType(ContentType.JSON)
                .body(Map.of("answers", Surveys.answers(i -> 4, i -> 4, null)))
                .post("/api/surveys/me/invitations/" + Surveys.invitation("R6-E1", past) + "/submit").then().statusCode(409);
        Surveys.close(past);
    }

    private String create(String name, java.time.Instant opens, java.time.Instant closes) {
        return given().auth().oauth2(Surveys.LEAD).contentType(ContentType.JSON)
                .body(Map.of("name", name, "instruments", Surveys.ALL_INSTRUMENTS, "opensAt", opens.toString(),
                        "closesAt", closes.toString(), "unitCodes", List.of("R6-ROOT")))
                .post("/api/surveys/rounds").then().statusCode(201).extract().path("id");
    }

    private String status(String round) {
        return given().auth().oauth2(Surveys.EVALUATOR).get("/api/surveys/rounds/" + round).then().extract().path("status");
    }

    @Test
    void anInviteeSavesADraftAndSubmitsOnceAndNoOneElseSeesTheirInvitation() {
        organisation("R1");
        String round = Surveys.openRound("Baseline R1", "R1-ROOT");
        String mine = Surveys.invitation("R1-E1", round);
        // another employee's invitation, or one with no employee number: as if it did not exist
        given().auth().oauth2(Surveys.employee("R1-E2")).get("/api/surveys/me/invitations/" + mine).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("nobody", Roles.EMPLOYEE)).get("/api/surveys/me/invitations/" + mine).then().statusCode(404);
        given().auth().oauth2(Surveys.employee("R1-E2")).contentType(ContentType.JSON)
                .body(Map.of("answers", Surveys.answers(i -> 4, i -> 4, null)))
                .post("/api/surveys/me/invitations/" + mine + "/submit").then().statusCode(404);
        given().auth().oauth2(Surveys.employee("R1-E1")).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(Map.of("instrument", "SOC-13", "item", "1", "value", 5))))
                .put("/api/surveys/me/invitations/" + mine + "/draft").then().statusCode(200)
                .body("draftSavedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Surveys.employee("R1-E1")).get("/api/surveys/me/invitations/" + mine).then().statusCode(200)
                .body("draft", hasSize(1)).body("draft[0].value", equalTo(5)).body("answered", equalTo(false));
        // bad answers: each named; a submit needs the required items
        given().auth().oauth2(Surveys.employee("R1-E1")).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(Map.of("instrument", "SOC-13", "item", "1", "value", 9),
                        Map.of("instrument", "SOC-13", "item", "14", "value", 3), Map.of("instrument", "NOPE", "item", "1", "value", 3),
                        Map.of("instrument", "KASAM-AM", "item", "COMMENT", "value", 3))))
                .post("/api/surveys/me/invitations/" + mine + "/submit").then().statusCode(400)
                .body("errors.field", contains("answers[0].value", "answers[1].item", "answers[2].instrument", "answers[3].value",
                        "answers[3].text", "answers"))
                .body("errors.rule", contains("InScale", "KnownItem", "RoundInstrument", "Null", "NotBlank", "Required"));
        Surveys.submit("R1-E1", round, Surveys.answers(i -> 4, i -> 4, "Bra stämning"));
        given().auth().oauth2(Surveys.employee("R1-E1")).contentType(ContentType.JSON)
                .body(Map.of("answers", Surveys.answers(i -> 4, i -> 4, null)))
                .post("/api/surveys/me/invitations/" + mine + "/submit").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Surveys.employee("R1-E1")).get("/api/surveys/me/invitations/" + mine).then().statusCode(200)
                .body("answered", equalTo(true)).body("draft", hasSize(0)).body("draftSavedAt", nullValue());
        assertEquals(0L, count("select count(*) from draft where invitation_id = '" + mine + "'"));
        Surveys.close(round);
        given().auth().oauth2(Surveys.employee("R1-E2")).contentType(ContentType.JSON)
                .body(Map.of("answers", Surveys.answers(i -> 4, i -> 4, null)))
                .post("/api/surveys/me/invitations/" + Surveys.invitation("R1-E2", round) + "/submit").then().statusCode(409);
    }

    /**
     * The response table holds nothing that joins a response to its invitation: no employee number, no shared id,
     * no shared transaction (responses are written in batches of at least five, apart from the submits), the day
     * only; and every stored demographic tuple is shared by at least five invitees.
     */
    @Test
    void storedResponsesCannotBeJoinedBackToTheirInvitations() {
        Organisation org = organisation("R2");
        String round = Surveys.openRound("Baseline R2", "R2-ROOT");
        Random random = new Random(2);
        for (int i = 0; i < 7; i++) {
            Surveys.submit(org.employees.get(i), round, Surveys.randomAnswers(random, 5, 4));
        }
        assertTrue(mixer.mixAll());
        assertEquals(7L, count("select count(*) from response where round_id = '" + round + "'"));
        for (int i = 7; i < 10; i++) {
            Surveys.submit(org.employees.get(i), round, Surveys.randomAnswers(random, 5, 4));
        }
        mixer.mixAll();
        assertEquals(3L, count("select count(*) from response_pending where round_id = '" + round + "'"), "fewer than five wait");
        Surveys.close(round);
        assertEquals(0L, count("select count(*) from response_pending where round_id = '" + round + "'"));
        assertEquals(10L, count("select count(*) from response where round_id = '" + round + "'"));
        // every transaction that wrote responses wrote at least five, and none of them touched an invitation
        assertEquals(0L, count("select count(*) from (select xmin from response where round_id = '" + round
                + "' group by xmin having count(*) < 5) small"));
        assertEquals(0L, count("select count(*) from response r join invitation i on i.xmin = r.xmin where r.round_id = '" + round + "'"));
        assertEquals(0L, count("select count(*) from response r join invitation i on i.id = r.id"));
        assertEquals(List.of("age_band", "id", "legal_gender", "pseudonym", "round_id", "submitted_on", "unit_code"),
                QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select column_name from information_schema.columns where table_name = 'response' order by 1""")
                        .getResultList()));
        assertEquals("date", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select data_type from information_schema.columns where table_name = 'response' and column_name = 'submitted_on'""")
                .getSingleResult()));
        assertEquals(0L, count("select count(*) from response r join invitation i on r.pseudonym = i.employee_number"
                + " or r.unit_code = i.employee_number"));
        // every stored tuple stands for five or more invitees: those in the unit's subtree with that gender and age band
        assertEquals(0L, count("""
                with recursive tree(root, code) as (
                    select code, code from round_unit where round_id = '%1$s'
                    union select t.root, u.code from round_unit u join tree t on u.parent_code = t.code and u.round_id = '%1$s'),
                stored as (select distinct unit_code, legal_gender, age_band from response where round_id = '%1$s')
                select count(*) from stored s where (
                    select count(*) from invitation i where i.round_id = '%1$s'
                    and (s.unit_code = '*' or i.unit_code in (select code from tree where root = s.unit_code))
                    and (s.legal_gender is null or s.legal_gender = i.legal_gender)
                    and (s.age_band is null or s.age_band = i.age_band)) < 5""".formatted(round)));
        // one person's pseudonym is the same in every round, and is not their employee number
        String again = Surveys.openRound("Follow-up R2", "R2-ROOT");
        Surveys.submit(org.employees.get(0), again, Surveys.randomAnswers(random, 5, 4));
        Surveys.submit(org.employees.get(11), again, Surveys.randomAnswers(random, 5, 4));
        Surveys.close(again);
        assertEquals(1L, count("select count(*) from response a join response b on a.pseudonym = b.pseudonym where a.round_id = '"
                + round + "' and b.round_id = '" + again + "'"));
    }

    @Test
    void aClosedRoundsReportIsSuppressedForSmallGroupsAndWhatWouldGiveThemAway() {
        Organisation org = organisation("R3");
        String round = Surveys.openRound("Baseline R3", "R3-ROOT");
        Random random = new Random(3);
        given().auth().oauth2(Surveys.EVALUATOR).get("/api/surveys/rounds/" + round + "/report").then().statusCode(409);
        List<String> later = List.of("R3-E12", "R3-E22"); // one of A's men, one of C
        for (String e : org.employees) {
            if (!later.contains(e)) {
                Surveys.submit(e, round, Surveys.randomAnswers(random, 2 + random.nextInt(5), 1 + random.nextInt(5)));
            }
        }
        // while open: counts only, suppressed like results. 21 of 23 have answered: A 11 of 12, B 7 of 7, C 2 of 3,
        // the manager at ROOT 1 of 1. C and ROOT's own are too small; shown with ROOT and A, B would give their sum
        JsonPath rates = given().auth().oauth2(Surveys.EVALUATOR).queryParam("unit", "R3-ROOT")
                .get("/api/surveys/rounds/" + round + "/response-rates").then().statusCode(200).extract().jsonPath();
        assertEquals(21, rates.getInt("rows.find { it.kind == 'SUBTREE' && it.unit == 'R3-ROOT' }.answered"));
        assertEquals(11, rates.getInt("rows.find { it.unit == 'R3-A' }.answered"));
        assertEquals("COMPLEMENTARY", rates.get("rows.find { it.unit == 'R3-B' }.reason"));
        assertNull(rates.get("rows.find { it.unit == 'R3-C' }.answered"));
        assertEquals("GROUP_TOO_SMALL", rates.get("rows.find { it.unit == 'R3-C' }.reason"));
        assertEquals(3, rates.getInt("rows.find { it.unit == 'R3-C' }.invited"));
        for (String e : later) {
            Surveys.submit(e, round, Surveys.randomAnswers(random, 4, 3));
        }
        Surveys.close(round);
        given().auth().oauth2(Surveys.EVALUATOR).get("/api/surveys/rounds/" + round).then().body("respondents", equalTo(23));

        JsonPath whole = Surveys.report(Surveys.EVALUATOR, round, "R3-ROOT", "NONE");
        assertEquals(23, whole.getInt("instruments[0].groups[0].respondents"));
        assertEquals(23, whole.getInt("instruments.find { it.code == 'SOC-13' }.groups[0].figures.find { it.measure == 'TOTAL' }.n"));
        Map<String, Object> hme = whole.getMap("instruments.find { it.code == 'HME' }.groups[0].figures.find { it.measure == 'TOTAL' }");
        assertEquals((((Number) hme.get("mean")).doubleValue() - 1) * 25, ((Number) hme.get("indexMean")).doubleValue(), 1e-4);
        assertTrue(((Number) hme.get("ciLow")).doubleValue() < ((Number) hme.get("mean")).doubleValue());
        Map<String, Object> item = whole.getMap("instruments.find { it.code == 'SOC-13' }.groups[0].figures.find { it.measure == 'item:1' }");
        assertEquals(23, ((List<?>) item.get("distribution")).stream().mapToInt(n -> ((Number) n).intValue()).sum());
        assertEquals(7, ((List<?>) item.get("distribution")).size());
        JsonPath byUnit = Surveys.report(Surveys.EVALUATOR, round, "R3-ROOT", "UNIT");
        List<Map<String, Object>> groups = byUnit.getList("instruments.find { it.code == 'SOC-13' }.groups");
        Map<String, Object> c = groups.stream().filter(g -> "R3-C".equals(g.get("unit"))).findFirst().orElseThrow();
        assertEquals("GROUP_TOO_SMALL", c.get("reason"));
        assertEquals(List.of(), c.get("figures"));
        assertNull(c.get("respondents"));
        // managers: their own units only, named
        String manager = TestTokens.of("r3-ma", Roles.MANAGER, "R3-MA");
        Surveys.report(manager, round, "R3-A", "GENDER");
        given().auth().oauth2(manager).queryParam("unit", "R3-B").get("/api/surveys/rounds/" + round + "/report").then().statusCode(404);
        given().auth().oauth2(manager).get("/api/surveys/rounds/" + round + "/report").then().statusCode(400)
                .body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(Surveys.employee("R3-E1")).get("/api/surveys/rounds/" + round + "/report").then().statusCode(403);
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("by", "SHOE_SIZE").get("/api/surveys/rounds/" + round + "/report")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("unit", "NOPE").get("/api/surveys/rounds/" + round + "/report")
                .then().statusCode(404).contentType("application/problem+json");
        EventProbe.await("kasam.survey.rounds", r -> r.key().equals(round)
                && "kasam.survey.round.closed.v1".equals(EventProbe.header(r, "ce_type")) && r.value().contains("\"respondents\":23"),
                1, java.time.Duration.ofSeconds(20)).forEach(EventSchemas::assertValid);
    }

    @Test
    void freeTextIsShownOnlyForGroupsOfTenAndShuffledAlone() {
        Organisation org = organisation("R4");
        String round = Surveys.openRound("Baseline R4", "R4-ROOT");
        for (int i = 0; i < org.employees.size(); i++) {
            Surveys.submit(org.employees.get(i), round, Surveys.answers(x -> 4, x -> 3, "kommentar " + i));
        }
        Surveys.close(round);
        // A's women (9) are stored with their unit, everyone else with the round's top unit: one group of 23, at ROOT
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("unit", "R4-A").queryParam("instrument", "KASAM-AM")
                .queryParam("item", "COMMENT").get("/api/surveys/rounds/" + round + "/free-text").then().statusCode(200)
                .body("reason", equalTo("GROUP_TOO_SMALL")).body("texts", hasSize(0));
        List<String> texts = given().auth().oauth2(Surveys.EVALUATOR).queryParam("unit", "R4-ROOT").queryParam("instrument", "KASAM-AM")
                .queryParam("item", "COMMENT").get("/api/surveys/rounds/" + round + "/free-text").then().statusCode(200)
                .body("reason", nullValue()).body("texts", hasSize(23)).body("texts", hasItem("kommentar 22"))
                .extract().jsonPath().getList("texts");
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("instrument", "KASAM-AM")
                .queryParam("item", "COMMENT").get("/api/surveys/rounds/" + round + "/free-text").then().statusCode(200)
                .body("texts", hasSize(23));
        assertTrue(!texts.equals(texts.stream().sorted(java.util.Comparator.comparingInt(t -> Integer.parseInt(t.substring(10)))).toList()),
                "shuffled, not in the order given");
        given().auth().oauth2(Surveys.EVALUATOR).queryParam("unit", "R4-ROOT").queryParam("instrument", "KASAM-AM")
                .queryParam("item", "HEALTH1").get("/api/surveys/rounds/" + round + "/free-text").then().statusCode(404);
        assertEquals(0L, count("select count(*) from free_text f join response r on r.id = f.id"));
    }

    @Test
    void importedResponsesAreAllOrNothing() {
        Organisation org = organisation("R5");
        String round = Surveys.openRound("Baseline R5", "R5-ROOT");
        List<Map<String, Object>> batch = List.of(
                Map.of("employeeNumber", org.employees.get(0), "submittedOn", "2026-01-15", "answers", Surveys.answers(i -> 4, i -> 4, null)),
                Map.of("employeeNumber", "R5-NOBODY", "submittedOn", "2026-01-15", "answers", Surveys.answers(i -> 4, i -> 4, null)));
        given().auth().oauth2(Surveys.LEAD).contentType(ContentType.JSON).body(batch)
                .post("/api/surveys/rounds/" + round + "/responses/import").then().statusCode(400)
                .body("errors.field", contains("[1].employeeNumber"));
        assertEquals(0L, count("select count(*) from response_pending where round_id = '" + round + "'"));
        given().auth().oauth2(Surveys.LEAD).contentType(ContentType.JSON).body(batch.subList(0, 1))
                .post("/api/surveys/rounds/" + round + "/responses/import").then().statusCode(200).body("imported", equalTo(1));
        given().auth().oauth2(Surveys.employee(org.employees.get(0))).get("/api/surveys/me/invitations").then()
                .body("find { it.roundId == '" + round + "' }.answered", equalTo(true));
        given().auth().oauth2(Surveys.EVALUATOR).contentType(ContentType.JSON).body(batch.subList(0, 1))
                .post("/api/surveys/rounds/" + round + "/responses/import").then().statusCode(403);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    static UUID uuid(String s) {
        return UUID.fromString(s);
    }
}
