package se.kasam.deploy.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.kasam.testing.OpenApiValidation;

/**
 * Object-level probes (BOLA) on the demo: for every operation of the merged OpenAPI with an id in its path, a
 * caller whose role lets them call it asks for a real object of another person or unit, found first with the
 * project lead's or HR's token. Each must be a 404 problem whose body names nothing of the object's owner. An
 * operation with a path id is either probed here or listed in {@link #NOT_OBJECT_SCOPED} with the reason, so a new
 * one cannot ship unclassified.
 */
final class ObjectLevelProbes {
    /** Operations with a path id that no caller of the roles allowed can be the wrong person or unit for. */
    static final Map<String, String> NOT_OBJECT_SCOPED = Map.ofEntries(
            Map.entry("updateEmployee", "HR (hr-admin, the HR system) keeps every employee"),
            Map.entry("endEmployment", "HR keeps every employee"),
            Map.entry("getUnit", "the organisation's tree is known to every manager and HR; no personal data but managers' numbers"),
            Map.entry("updateUnit", "HR keeps every unit"),
            Map.entry("getTrioRound", "a round is the programme's (manager, project lead); its groups are probed below"),
            Map.entry("moveTrioMember", "refused for a group outside the manager's units by the move's own rule (TrioMoveTest)"),
            Map.entry("getSickLeaveEmployee", "hr-admin only, who sees every employee"),
            Map.entry("deleteSpell", "HR only"),
            Map.entry("putSpell", "HR only"),
            Map.entry("getInstrument", "an instrument is shared by every round"),
            Map.entry("replaceInstrument", "the project lead's only"),
            Map.entry("addInstrumentVersion", "the project lead's only"),
            Map.entry("getSurveyRound", "a round's name, dates and counts are the programme's"),
            Map.entry("openSurveyRound", "the project lead's only"),
            Map.entry("closeSurveyRound", "the project lead's only"),
            Map.entry("importSurveyResponses", "the project lead's only"),
            Map.entry("getEsfExport", "hr-admin and project lead, for the whole municipality"),
            Map.entry("exportEsfMonth", "hr-admin and project lead, for the whole municipality"),
            Map.entry("getHourlyCosts", "hr-admin and project lead, for the whole municipality"),
            Map.entry("putHourlyCosts", "hr-admin only"),
            Map.entry("getWorkshopModule", "the programme's three modules, the same for all"),
            Map.entry("getBookingPlan", "the project lead's only"),
            Map.entry("acceptBookingPlan", "the project lead's only"),
            Map.entry("stopBookingPlan", "the project lead's only"),
            Map.entry("getSession", "sessions are open to everyone to book (time, place, seats), not who booked them"),
            Map.entry("bookSession", "a booking for someone else is a 403 whoever is named (BookingRulesTest); for oneself, any session"),
            Map.entry("cancelSession", "the project lead's only"),
            Map.entry("putUnitSetting", "the project lead's only"));

    record Probe(String operationId, String caller, String method, String path, Object body, Set<String> secrets) {
    }

    private final String gateway;
    private final KeycloakTokens tokens;
    /** Found by {@link #probes()}: another unit's groups a manager's list must not hold. */
    private final List<String> listFindings = new ArrayList<>();

    ObjectLevelProbes(String gateway, KeycloakTokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /** Finds the objects, sends every probe, and fails once with every finding (or those of {@code only}'s probes). */
    void check(Optional<String> only) {
        List<Probe> probes = probes();
        List<String> findings = new ArrayList<>(unclassified(probes));
        findings.addAll(listFindings);
        Map<String, String> tokenOf = new LinkedHashMap<>();
        for (Probe probe : probes) {
            if (only.isPresent() && !only.get().equals(probe.operationId())) {
                continue;
            }
            String token = tokenOf.computeIfAbsent(probe.caller(), tokens::user);
            var request = given().auth().oauth2(token);
            if (probe.body() != null) {
                request.contentType(ContentType.JSON).body(probe.body());
            }
            Response answer = request.request(probe.method(), gateway + probe.path());
            String body = answer.asString();
            // what the caller sent (an id that holds an employee number, say) may be echoed; nothing else of the owner
            String leaked = probe.secrets().stream().filter(secret -> !probe.path().contains(secret)).filter(body::contains)
                    .collect(Collectors.joining(", "));
            if (answer.statusCode() != 404 || !answer.contentType().startsWith(RoleMatrix.PROBLEM) || !leaked.isEmpty()) {
                findings.add(probe.operationId() + " as " + probe.caller() + ": " + probe.method() + " " + probe.path() + " answered "
                        + answer.statusCode() + (leaked.isEmpty() ? "" : " naming " + leaked) + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            }
        }
        System.out.println("object-level probes: " + probes.size() + " sent, " + findings.size() + " findings");
        if (!findings.isEmpty()) {
            fail("object-level access (BOLA):\n  " + String.join("\n  ", findings));
        }
    }

    /** Operations of the document with a path id that are neither probed nor listed as not object-scoped. */
    private List<String> unclassified(List<Probe> probes) {
        Set<String> probed = probes.stream().map(Probe::operationId).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        var document = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            for (ApiDocument.Operation op : ApiDocument.operations(document.readTree(OpenApiValidation.fetch(gateway + "/openapi")))) {
                if (op.path().contains("{") && !probed.contains(op.operationId()) && !NOT_OBJECT_SCOPED.containsKey(op.operationId())) {
                    missing.add(op.operationId() + " (" + op.method() + " " + op.path() + ") has a path id but no probe in "
                            + "ObjectLevelProbes and no reason in NOT_OBJECT_SCOPED");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return missing;
    }

    /** The probes, with the real objects they ask for, found as the project lead and HR see them. */
    private List<Probe> probes() {
        String hanna = tokens.user("hanna.hr");
        String petra = tokens.user("petra.lead");
        String emmaNumber = read(tokens.user("emma.employee"), "/api/participants/me").getString("employeeNumber");
        String home = read(hanna, "/api/participants/employees/" + emmaNumber).getString("unitCode");
        Set<String> homeStaff = new TreeSet<>(read(hanna, "/api/participants/employees?size=500&unit=" + home).getList("items.employeeNumber"));
        Set<String> managed = managedBy(hanna, read(tokens.user("magnus.chef"), "/api/participants/me").getString("employeeNumber"));

        // every booking of the demo's sessions, by employee
        Map<String, String> bookingOf = new LinkedHashMap<>();
        for (Map<String, Object> session : read(petra, "/api/workshops/sessions?size=500").<Map<String, Object>>getList("items")) {
            for (Map<String, Object> booking : read(petra, "/api/workshops/sessions/" + session.get("id") + "/bookings")
                    .<Map<String, Object>>getList("$")) {
                bookingOf.putIfAbsent(String.valueOf(booking.get("employeeNumber")), String.valueOf(booking.get("id")));
            }
        }
        // a colleague of Emma's and someone of another unit than Magnus manages, each with a spell and a booking
        String colleague = withSpell(hanna, homeStaff.stream().filter(n -> !n.equals(emmaNumber) && bookingOf.containsKey(n)).toList());
        List<String> elsewhere = read(hanna, "/api/participants/employees?size=200").<Map<String, Object>>getList("items").stream()
                .filter(e -> !managed.contains(String.valueOf(e.get("unitCode")))).map(e -> String.valueOf(e.get("employeeNumber")))
                .filter(bookingOf::containsKey).toList();
        String outsider = withSpell(hanna, elsewhere);
        String otherUnit = read(hanna, "/api/participants/employees/" + outsider).getString("unitCode");
        String colleagueSpell = read(hanna, "/api/sickleave/employees/" + colleague + "/spells?size=1").getString("items[0].spellId");
        String outsiderSpell = read(hanna, "/api/sickleave/employees/" + outsider + "/spells?size=1").getString("items[0].spellId");
        String colleagueName = read(hanna, "/api/participants/employees/" + colleague).getString("name");
        String outsiderName = read(hanna, "/api/participants/employees/" + outsider).getString("name");
        String colleagueBooking = bookingOf.get(colleague);
        String outsiderBooking = bookingOf.get(outsider);
        // Frida leads every session of the demo: one she does not lead, planned by the project lead
        String session = given().auth().oauth2(petra).contentType(ContentType.JSON).body(Map.of("moduleCode", "GOD-ARBETSMILJO",
                        "startsAt", java.time.OffsetDateTime.now().plusDays(50).toString(),
                        "endsAt", java.time.OffsetDateTime.now().plusDays(50).plusHours(3).toString(), "placeName", "Probe", "capacity", 5))
                .post(gateway + "/api/workshops/sessions").then().statusCode(201).extract().path("id");

        // trio groups: one without Emma, one of another unit than Magnus manages
        long round = read(petra, "/api/participants/trio-rounds").getLong("items[0].id");
        List<Map<String, Object>> groups = read(petra, "/api/participants/trio-rounds/" + round + "/groups?size=500").<Map<String, Object>>getList("items");
        Map<String, Object> notEmmas = groups.stream().filter(g -> !String.valueOf(g.get("members")).contains(emmaNumber)
                && home.equals(g.get("unitCode"))).findFirst().orElse(groups.getFirst());
        Map<String, Object> otherUnits = groups.stream().filter(g -> !managed.contains(String.valueOf(g.get("unitCode")))).findFirst()
                .orElseThrow(() -> new AssertionError("no trio group outside Magnus's units"));
        listedGroupsOutside(round, managed).forEach(u -> listFindings.add("listTrioGroups as magnus.chef: lists groups of unit " + u));
        Set<String> notEmmasMembers = members(notEmmas);
        Set<String> otherUnitsMembers = members(otherUnits);

        // another's survey invitation, and the demo's baseline round
        String hannasInvitation = read(hanna, "/api/surveys/me/invitations").getString("[0].id");
        JsonPath rounds = read(tokens.user("erik.eval"), "/api/surveys/rounds?size=50");
        String baseline = rounds.getString("items.find { it.name == 'Baseline 2019' }.id");
        String followUp = rounds.getString("items.find { it.name == 'Follow-up 2021' }.id");

        Set<String> colleagueSecrets = Set.of(colleague, colleagueName);
        Set<String> outsiderSecrets = Set.of(outsider, outsiderName);
        Map<String, Object> meeting = Map.of("date", "2021-03-01", "minutes", 30, "present", List.copyOf(notEmmasMembers));
        List<Probe> probes = new ArrayList<>(List.of(
                // an employee: another's objects, by their ids
                new Probe("getEmployee", "emma.employee", "GET", "/api/participants/employees/" + colleague, null, Set.of(colleagueName)),
                new Probe("listEmployeeSpells", "emma.employee", "GET", "/api/sickleave/employees/" + colleague + "/spells", null, Set.of(colleagueName, colleagueSpell)),
                new Probe("getSpell", "emma.employee", "GET", "/api/sickleave/spells/" + colleagueSpell, null, colleagueSecrets),
                new Probe("getEmployeeProgress", "emma.employee", "GET", "/api/workshops/employees/" + colleague + "/progress", null, Set.of(colleagueName)),
                new Probe("getBooking", "emma.employee", "GET", "/api/workshops/bookings/" + colleagueBooking, null, colleagueSecrets),
                new Probe("cancelBooking", "emma.employee", "POST", "/api/workshops/bookings/" + colleagueBooking + "/cancel", null, colleagueSecrets),
                new Probe("getMySurveyInvitation", "emma.employee", "GET", "/api/surveys/me/invitations/" + hannasInvitation, null, Set.of()),
                new Probe("saveMySurveyDraft", "emma.employee", "PUT", "/api/surveys/me/invitations/" + hannasInvitation + "/draft", Map.of("answers", List.of()), Set.of()),
                new Probe("submitMySurveyAnswers", "emma.employee", "POST", "/api/surveys/me/invitations/" + hannasInvitation + "/submit", Map.of("answers", List.of()), Set.of()),
                new Probe("listTrioMeetings", "emma.employee", "GET", "/api/workshops/trio-groups/" + notEmmas.get("id") + "/meetings", null, notEmmasMembers),
                new Probe("recordTrioMeeting", "emma.employee", "POST", "/api/workshops/trio-groups/" + notEmmas.get("id") + "/meetings", meeting, Set.of()),
                new Probe("bookSessionForTrioGroup", "emma.employee", "POST", "/api/workshops/sessions/" + session + "/trio-bookings",
                        Map.of("trioGroupId", notEmmas.get("id")), notEmmasMembers),
                // a manager: objects of another unit
                new Probe("getEmployee", "magnus.chef", "GET", "/api/participants/employees/" + outsider, null, Set.of(outsiderName)),
                new Probe("listEmployeeSpells", "magnus.chef", "GET", "/api/sickleave/employees/" + outsider + "/spells", null, Set.of(outsiderName, outsiderSpell)),
                new Probe("getSpell", "magnus.chef", "GET", "/api/sickleave/spells/" + outsiderSpell, null, outsiderSecrets),
                new Probe("getEmployeeProgress", "magnus.chef", "GET", "/api/workshops/employees/" + outsider + "/progress", null, Set.of(outsiderName)),
                new Probe("getBooking", "magnus.chef", "GET", "/api/workshops/bookings/" + outsiderBooking, null, outsiderSecrets),
                new Probe("cancelBooking", "magnus.chef", "POST", "/api/workshops/bookings/" + outsiderBooking + "/cancel", null, outsiderSecrets),
                new Probe("listTrioGroups", "magnus.chef", "GET", "/api/participants/trio-rounds/" + round + "/groups?unit=" + otherUnits.get("unitCode"), null, otherUnitsMembers),
                new Probe("listTrioMeetings", "magnus.chef", "GET", "/api/workshops/trio-groups/" + otherUnits.get("id") + "/meetings", null, otherUnitsMembers),
                new Probe("recordTrioMeeting", "magnus.chef", "POST", "/api/workshops/trio-groups/" + otherUnits.get("id") + "/meetings",
                        Map.of("date", "2021-03-01", "minutes", 30, "present", List.copyOf(otherUnitsMembers)), Set.of()),
                new Probe("bookSessionForTrioGroup", "magnus.chef", "POST", "/api/workshops/sessions/" + session + "/trio-bookings",
                        Map.of("trioGroupId", otherUnits.get("id")), otherUnitsMembers),
                new Probe("listWorkplaceActivities", "magnus.chef", "GET", "/api/workshops/units/" + otherUnit + "/activities", null, Set.of()),
                new Probe("recordWorkplaceActivity", "magnus.chef", "POST", "/api/workshops/units/" + otherUnit + "/activities",
                        Map.of("kind", "WORKPLACE_MEETING", "theme", "Probe", "date", "2021-03-01", "minutes", 30, "attendees", List.of(outsider)), Set.of()),
                new Probe("getUnitSetting", "magnus.chef", "GET", "/api/workshops/units/" + otherUnit + "/setting", null, Set.of()),
                new Probe("getSurveyReport", "magnus.chef", "GET", "/api/surveys/rounds/" + baseline + "/report?unit=" + otherUnit, null, Set.of()),
                new Probe("getSurveyResponseRates", "magnus.chef", "GET", "/api/surveys/rounds/" + baseline + "/response-rates?unit=" + otherUnit, null, Set.of()),
                new Probe("getSurveyFreeText", "magnus.chef", "GET", "/api/surveys/rounds/" + baseline + "/free-text?unit=" + otherUnit
                        + "&instrument=KASAM-AM&item=COMMENT", null, Set.of()),
                // a facilitator: a session they do not lead
                new Probe("listSessionBookings", "frida.facilitator", "GET", "/api/workshops/sessions/" + session + "/bookings", null, Set.of()),
                new Probe("markAttendance", "frida.facilitator", "PUT", "/api/workshops/sessions/" + session + "/attendance",
                        Map.of("marks", List.of(Map.of("bookingId", java.util.UUID.randomUUID().toString(), "status", "ATTENDED"))), Set.of())));
        // a manager's figures of a unit not theirs (no id in the path, a unit in the query): not found as well
        String unit = "unit=" + otherUnit;
        probes.addAll(List.of(
                new Probe("getSickLeaveKeyFigures", "magnus.chef", "GET", "/api/sickleave/statistics?from=2019-01&to=2021-12&" + unit, null, Set.of()),
                new Probe("getSickLeaveMonthly", "magnus.chef", "GET", "/api/sickleave/statistics/monthly?from=2019-01&to=2021-12&" + unit, null, Set.of()),
                new Probe("getSickLeaveBreakdown", "magnus.chef", "GET", "/api/sickleave/statistics/units?from=2019-01&to=2021-12&" + unit, null, Set.of()),
                new Probe("getSurveyComparison", "magnus.chef", "GET", "/api/surveys/comparison?baseline=" + baseline + "&followUp=" + followUp + "&" + unit, null, Set.of()),
                new Probe("getProgress", "magnus.chef", "GET", "/api/workshops/progress?on=2021-04-30&" + unit, null, Set.of()),
                new Probe("getParticipation", "magnus.chef", "GET", "/api/workshops/participation?from=2019-09&to=2021-04&" + unit, null, Set.of()),
                new Probe("getEvaluationReport", "magnus.chef", "GET", "/api/evaluation/report?" + unit, null, Set.of())));
        return probes;
    }

    /** The units a manager manages, and the units under them. */
    private Set<String> managedBy(String hanna, String manager) {
        List<Map<String, Object>> units = read(hanna, "/api/participants/units?size=500").<Map<String, Object>>getList("items");
        Set<String> managed = units.stream().filter(u -> String.valueOf(u.get("managers")).contains(manager))
                .map(u -> String.valueOf(u.get("code"))).collect(Collectors.toCollection(TreeSet::new));
        for (boolean grew = true; grew; ) {
            grew = units.stream().filter(u -> managed.contains(String.valueOf(u.get("parentCode"))))
                    .map(u -> managed.add(String.valueOf(u.get("code")))).reduce(false, Boolean::logicalOr);
        }
        if (managed.isEmpty()) {
            throw new AssertionError(manager + " manages no unit in the demo");
        }
        return managed;
    }

    /** A manager's list of a round's groups holds only groups of the units they manage. */
    List<String> listedGroupsOutside(long round, Set<String> managed) {
        return read(tokens.user("magnus.chef"), "/api/participants/trio-rounds/" + round + "/groups?size=500")
                .getList("items.unitCode", String.class).stream().filter(u -> !managed.contains(u)).distinct().toList();
    }

    private String withSpell(String hanna, List<String> candidates) {
        for (String number : candidates) {
            if (read(hanna, "/api/sickleave/employees/" + number + "/spells?size=1").getInt("totalItems") > 0) {
                return number;
            }
        }
        throw new AssertionError("none of " + candidates.size() + " employees has a spell");
    }

    private static Set<String> members(Map<String, Object> group) {
        return ((List<?>) group.get("members")).stream().map(m -> String.valueOf(((Map<?, ?>) m).get("employeeNumber")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private JsonPath read(String token, String path) {
        return given().auth().oauth2(token).get(gateway + path).then().statusCode(200).extract().jsonPath();
    }
}
