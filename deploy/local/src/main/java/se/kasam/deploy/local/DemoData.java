package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.kasam.deploy.local.demo.AbsenceGenerator;
import se.kasam.deploy.local.demo.MunicipalityGenerator;
import se.kasam.deploy.local.demo.ProgrammeGenerator;
import se.kasam.deploy.local.demo.SurveyAnswerGenerator;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator.Municipality;
import se.kasam.deploy.local.demo.MunicipalityGenerator.UnitRow;

/**
 * The demo municipality (about 1,300 employees), loaded through the gateway's HR import with the HR integration's
 * token, as the HR system would, with the demo logins tied to some of its people, and its absence from 2018 on (payroll's
 * spells, through the sick-leave import); then a first trio round formed by the project lead, and the baseline (2019)
 * and follow-up (2021) surveys with their answers, closed. Loading again changes nothing: the imports report every
 * row unchanged, and what exists is left alone.
 */
final class DemoData {
    static final int EMPLOYEES = 1_300;
    static final long SEED = 2026;
    /** A fixed day, so the same demo is generated on any day and a restart re-sends an unchanged batch. */
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    static final LocalDate ABSENCE_FROM = LocalDate.of(2018, 1, 1);
    private static final LocalDate DEMO_LOGINS_EMPLOYED = LocalDate.of(2016, 3, 1);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The demo's survey rounds: name, first and last day (the population is the municipality as it is now). */
    record DemoRound(String name, LocalDate from, LocalDate to, boolean followUp) {
    }

    static final List<DemoRound> ROUNDS = List.of(
            new DemoRound("Baseline 2019", LocalDate.of(2019, 9, 2), LocalDate.of(2019, 10, 31), false),
            new DemoRound("Follow-up 2021", LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 15), true));

    private final String gateway;
    private final KeycloakTokens tokens;
    private final Runnable surveyProjection;
    private final Runnable workshopsProjection;
    private String leadToken;
    private long leadTokenAt;

    /**
     * @param surveyProjection    waits until survey-service knows the employees imported (a round invites them)
     * @param workshopsProjection waits until workshops-service knows them and the trio groups (they are booked)
     */
    DemoData(String gateway, KeycloakTokens tokens, Runnable surveyProjection, Runnable workshopsProjection) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.surveyProjection = surveyProjection;
        this.workshopsProjection = workshopsProjection;
    }

    void load() {
        Municipality municipality = withDemoLogins(MunicipalityGenerator.generate(EMPLOYEES, SEED, AS_OF));
        post("/api/participants/hr/import", Map.of("units", municipality.units(), "employees", municipality.employees()),
                tokens.hrIntegration());
        // eight years of absence, so the programme years (2019-2021) have a before and an after
        post("/api/sickleave/spells/import", Map.of("spells", AbsenceGenerator.generate(municipality.employees(),
                ABSENCE_FROM, AS_OF.minusDays(1), SEED)), tokens.hrIntegration());
        String lead = tokens.user("petra.lead");
        if (get("/api/participants/trio-rounds", lead).path("totalItems").asLong() == 0) {
            post("/api/participants/trio-rounds", Map.of("name", "Kasam 2.0, första omgången", "seed", SEED), lead);
        }
        surveys(municipality, lead);
        programme(municipality);
    }

    /**
     * The programme as it ran (ProgrammeGenerator): each session planned, its people registered and their attendance
     * marked, a module after the one before (the module order holds); the trio groups' meetings and the workplaces'
     * meetings; the hourly costs, and every month of it exported for ESF. A demo that has sessions is left alone.
     */
    private void programme(Municipality municipality) {
        String lead = lead();
        if (get("/api/workshops/sessions?size=1", lead).path("totalItems").asLong() > 0) {
            return;
        }
        workshopsProjection.run();
        Map<Long, List<String>> groups = new java.util.TreeMap<>();
        long round = get("/api/participants/trio-rounds", lead).path("items").path(0).path("id").asLong();
        for (int page = 0; ; page++) {
            JsonNode p = get("/api/participants/trio-rounds/" + round + "/groups?size=500&page=" + page, lead);
            p.path("items").forEach(g -> {
                List<String> members = new ArrayList<>();
                g.path("members").forEach(m -> members.add(m.path("employeeNumber").asText()));
                groups.put(g.path("id").asLong(), members);
            });
            if (page + 1 >= p.path("totalPages").asInt()) {
                break;
            }
        }
        ProgrammeGenerator.Programme programme = ProgrammeGenerator.generate(municipality.employees(), groups, SEED);
        String hr = tokens.user("hanna.hr");
        for (int year = 2019; year <= 2021; year++) {
            int step = (year - 2019) * 7;
            put("/api/workshops/hourly-costs/" + year, Map.of("defaultSek", 265 + step, "byOccupation", List.of(
                    Map.of("occupation", "Undersköterska", "sek", 232 + step),
                    Map.of("occupation", "Grundskollärare", "sek", 318 + step),
                    Map.of("occupation", "Förskollärare", "sek", 296 + step))), hr);
        }
        for (ProgrammeGenerator.HeldSession held : programme.sessions()) {
            String token = lead();
            JsonNode session = post("/api/workshops/sessions", Map.of("moduleCode", held.module(),
                    "startsAt", held.startsAt(), "endsAt", held.endsAt(), "placeName", held.place().name(),
                    "latitude", held.place().latitude(), "longitude", held.place().longitude(),
                    "capacity", ProgrammeGenerator.SEATS, "facilitators", List.of(ProgrammeGenerator.FACILITATOR)), token);
            String id = session.path("id").asText();
            List<Map<String, Object>> marks = new ArrayList<>();
            for (String employee : held.attended()) {
                marks.add(Map.of("bookingId", book(id, employee, token), "status", "ATTENDED"));
            }
            for (String employee : held.absent()) {
                marks.add(Map.of("bookingId", book(id, employee, token), "status", "ABSENT"));
            }
            put("/api/workshops/sessions/" + id + "/attendance", Map.of("marks", marks), token);
        }
        for (ProgrammeGenerator.TrioMeeting meeting : programme.trioMeetings()) {
            post("/api/workshops/trio-groups/" + meeting.groupId() + "/meetings", Map.of("date", meeting.date(),
                    "minutes", meeting.minutes(), "present", meeting.present()), lead());
        }
        for (ProgrammeGenerator.WorkplaceActivity activity : programme.activities()) {
            post("/api/workshops/units/" + activity.unitCode() + "/activities", Map.of("kind", activity.kind(),
                    "theme", activity.theme(), "date", activity.date(), "minutes", activity.minutes(),
                    "attendees", activity.attendees()), lead());
        }
        for (java.time.YearMonth month = java.time.YearMonth.of(2019, 9); !month.isAfter(java.time.YearMonth.of(2021, 4));
             month = month.plusMonths(1)) {
            post("/api/workshops/esf-exports/" + month, Map.of(), tokens.user("hanna.hr"));
        }
    }

    /** The project lead's token, taken again after a minute (it lives five). */
    private String lead() {
        if (leadToken == null || System.nanoTime() - leadTokenAt > 60_000_000_000L) {
            leadToken = tokens.user("petra.lead");
            leadTokenAt = System.nanoTime();
        }
        return leadToken;
    }

    private String book(String session, String employee, String lead) {
        return post("/api/workshops/sessions/" + session + "/bookings", Map.of("employeeNumber", employee), lead)
                .path("id").asText();
    }

    /**
     * The baseline and follow-up surveys, each a round opened for the whole municipality, its answers brought in as
     * an earlier tool's would be (an import of responses), and closed; a round that is there already is left alone.
     */
    private void surveys(Municipality municipality, String lead) {
        JsonNode existing = get("/api/surveys/rounds?size=500", lead).path("items");
        List<String> names = new ArrayList<>();
        existing.forEach(r -> names.add(r.path("name").asText()));
        if (names.containsAll(ROUNDS.stream().map(DemoRound::name).toList())) {
            return;
        }
        surveyProjection.run();
        for (DemoRound round : ROUNDS) {
            if (names.contains(round.name())) {
                continue;
            }
            JsonNode created = post("/api/surveys/rounds", Map.of("name", round.name(),
                    "instruments", List.of(Map.of("code", "SOC-13"), Map.of("code", "HME"), Map.of("code", "KASAM-AM")),
                    "opensAt", round.from().atTime(8, 0).atZone(java.time.ZoneId.of("Europe/Stockholm")).toOffsetDateTime(),
                    "closesAt", round.to().atTime(23, 59).atZone(java.time.ZoneId.of("Europe/Stockholm")).toOffsetDateTime()), lead);
            String id = created.path("id").asText();
            // its opening time is past: the round schedule may open it first
            if (get("/api/surveys/rounds/" + id, lead).path("status").asText().equals("PLANNED")) {
                send(HttpRequest.newBuilder(URI.create(gateway + "/api/surveys/rounds/" + id + "/open"))
                        .header("Authorization", "Bearer " + lead).POST(HttpRequest.BodyPublishers.noBody()), -1, 409);
            }
            post("/api/surveys/rounds/" + id + "/responses/import", SurveyAnswerGenerator.generate(municipality.employees(),
                    round.followUp(), round.from(), round.to(), SEED), lead);
            post("/api/surveys/rounds/" + id + "/close", Map.of(), lead);
        }
    }

    /**
     * The demo logins' employee numbers (see the realm) put on people of the generated municipality: Magnus manages
     * the first elderly-care home, where Emma works; Hanna and Frida work in HR; Petra and Erik in the central
     * administration.
     */
    static Municipality withDemoLogins(Municipality generated) {
        List<UnitRow> units = new ArrayList<>(generated.units());
        List<EmployeeRow> employees = new ArrayList<>(generated.employees());
        UnitRow home = units.stream().filter(u -> u.name().startsWith("Äldreboendet")).findFirst().orElseThrow();
        UnitRow hr = units.stream().filter(u -> u.name().startsWith("Ekonomi och HR")).findFirst().orElseThrow();
        String magnus = home.managers().get(0);
        units.set(units.indexOf(home), new UnitRow(home.code(), home.name(), home.parentCode(), List.of("D0003")));
        replace(employees, magnus, "D0003", "Magnus Ek", "MALE", "Enhetschef");
        replace(employees, staffOf(employees, home.code(), 1), "D0005", "Emma Sjöberg", "FEMALE", "Undersköterska");
        replace(employees, staffOf(employees, hr.code(), 1), "D0001", "Hanna Berg", "FEMALE", "HR-specialist");
        replace(employees, staffOf(employees, hr.code(), 2), "D0004", "Frida Holm", "FEMALE", "Processledare");
        replace(employees, staffOf(employees, "KS", 0), "D0002", "Petra Lind", "FEMALE", "Projektledare");
        employees.add(new EmployeeRow("D0006", "Erik Nyström", "erik.nystrom@example.org", "MALE", 1966, "KS",
                "Utvärderare", 100, 40, "PERMANENT", LocalDate.of(2012, 1, 1)));
        return new Municipality(units, employees);
    }

    private static String staffOf(List<EmployeeRow> employees, String unit, int index) {
        return employees.stream().filter(e -> e.unitCode().equals(unit)).skip(index).findFirst().orElseThrow().employeeNumber();
    }

    private static void replace(List<EmployeeRow> employees, String number, String demoNumber, String name,
                                String gender, String occupation) {
        for (int i = 0; i < employees.size(); i++) {
            EmployeeRow e = employees.get(i);
            if (e.employeeNumber().equals(number)) {
                String email = name.toLowerCase().replace(' ', '.').replace('ö', 'o').replace('ä', 'a') + "@example.org";
                // the demo's people were employed through the programme (2019-2021), so they took part in it
                LocalDate start = e.startDate().isBefore(DEMO_LOGINS_EMPLOYED) ? e.startDate() : DEMO_LOGINS_EMPLOYED;
                employees.set(i, new EmployeeRow(demoNumber, name, email, gender, e.birthYear(), e.unitCode(), occupation,
                        e.employmentRate(), e.fullTimeHours(), e.employmentType(), start));
                return;
            }
        }
        throw new IllegalStateException("no employee " + number);
    }

    private JsonNode get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token).GET(), 200);
    }

    private JsonNode post(String path, Object body, String token) {
        return write("POST", path, body, token);
    }

    private JsonNode put(String path, Object body, String token) {
        return write("PUT", path, body, token);
    }

    private JsonNode write(String method, String path, Object body, String token) {
        try {
            return send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), -1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Expects the status, or any 2xx for -1, or one of the others given. */
    private JsonNode send(HttpRequest.Builder request, int status, int... alsoFine) {
        try {
            HttpResponse<String> first = HTTP.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // the programme's thousands of calls meet the gateway's rate limit: wait as it says, and send again
            while (first.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(first.headers().firstValue("Retry-After").orElse("1")));
                first = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            HttpResponse<String> response = first;
            boolean ok = status < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == status;
            ok |= java.util.Arrays.stream(alsoFine).anyMatch(s -> s == response.statusCode());
            if (!ok) {
                throw new IllegalStateException("demo data: " + request.build().uri().getPath() + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("demo data: gateway not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
