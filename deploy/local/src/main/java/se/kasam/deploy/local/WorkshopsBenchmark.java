package se.kasam.deploy.local;

import static se.kasam.deploy.local.BenchmarkRun.median;
import static se.kasam.deploy.local.BenchmarkRun.round2;
import static se.kasam.deploy.local.BenchmarkRun.send;
import static se.kasam.deploy.local.BenchmarkRun.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import se.kasam.deploy.local.demo.MunicipalityGenerator;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator.Municipality;

/**
 * workshops-service at 50,000 employees: 1,000 booking requests for one session of 20 seats sent at once (latency
 * of each, and what became of them); the planner for about 1,300 and about 10,000 employees × the three modules (time
 * to the first plan that places everyone within the rules, the score after 60 s); and a month's ESF export of the
 * whole municipality (JSON and CSV) beside the same aggregate by plain SQL over the ledger (medians of five).
 */
public final class WorkshopsBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int EMPLOYEES = 50_000;
    private static final int BOOKINGS = 1_000;
    private static final int RUNS = 5;
    private static final int PLAN_SECONDS = 60;
    private static final String ESF_SQL = """
            select employee_number, legal_gender, unit_code, occupation, activity, activity_date, sum(hours)
            from hour_entry where activity_date >= date '2020-03-01' and activity_date < date '2020-04-01'
            group by 1, 2, 3, 4, 5, 6 having sum(hours) <> 0 order by employee_number, activity_date, activity""";
    private static final List<Map<String, Object>> PLACES = List.of(
            Map.of("name", "Folkets hus, Strömsund", "latitude", 63.8526, "longitude", 15.5579),
            Map.of("name", "Hammerdals bygdegård", "latitude", 63.5947, "longitude", 15.3528),
            Map.of("name", "Hotings skola", "latitude", 64.1128, "longitude", 16.2064),
            Map.of("name", "Backe medborgarhus", "latitude", 64.0470, "longitude", 16.4040),
            Map.of("name", "Gäddede kulturhus", "latitude", 64.5044, "longitude", 14.1508));

    private WorkshopsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRun run = BenchmarkRun.start("workshops", args);
        Map<String, Object> figures = run.figures();
        try (LocalStack stack = LocalStack.start(run.options(), step -> System.out.println("benchmark: starting " + step));
             Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl("workshops"), "postgres", "postgres")) {
            KeycloakTokens tokens = new KeycloakTokens(stack.keycloakUrl());
            String workshops = stack.serviceUrl("workshops-service") + "/api/workshops";
            Municipality municipality = MunicipalityGenerator.generate(EMPLOYEES, 7, DemoData.AS_OF);
            send("POST", stack.serviceUrl("participants-service") + "/api/participants/hr/import", tokens.hrIntegration(),
                    Map.of("units", municipality.units(), "employees", municipality.employees()));
            // measured on a quiet stack: every service's projection of the 50,000 done (their commits share the disk)
            stack.awaitAllProjections(Duration.ofMinutes(30));
            figures.put("employees", EMPLOYEES);
            figures.put("units", municipality.units().size());
            Supplier<String> lead = () -> tokens.user("petra.lead");
            // where each workplace is, for the planner's travel
            try (Statement s = db.createStatement()) {
                s.execute("""
                        insert into unit_setting (unit_code, place_name, latitude, longitude, away_cap_percent, version, updated_at)
                        select code, code, 63.5 + (abs(hashtext(code)) % 100) / 100.0, 14.5 + (abs(hashtext(code) / 100) % 200) / 100.0,
                               30, 0, now() from unit""");
            }
            figures.put("bookingBurst", burst(workshops, lead.get(), municipality.employees()));
            Map<String, Object> planning = new LinkedHashMap<>();
            planning.put("employees1300", plan(workshops, lead, municipality, 1_300));
            planning.put("employees10000", plan(workshops, lead, municipality, 10_000));
            figures.put("planning", planning);
            figures.put("esfExportMonth", esf(db, workshops, tokens.user("hanna.hr")));
            figures.put("target", "booking p99 <= 200 ms with exactly 20 booked; first feasible plan for 10,000 <= 30 s; "
                    + "ESF export of a month of 50,000 beside plain SQL");
        }
        run.write();
    }

    /** 1,000 requests at once for one session of 20: latency of each, and exactly how many were booked. */
    private static Map<String, Object> burst(String workshops, String lead, List<EmployeeRow> employees) throws Exception {
        String session = send("POST", workshops + "/sessions", lead, Map.of("moduleCode", "GOD-ARBETSMILJO",
                "startsAt", OffsetDateTime.now().plusDays(60), "endsAt", OffsetDateTime.now().plusDays(60).plusHours(3),
                "placeName", "Folkets hus", "capacity", 20)).path("id").asText();
        // the project lead books each (one token, no rate limit in the benchmark): the service's path is the same
        List<CompletableFuture<double[]>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < BOOKINGS; i++) {
            String body = JSON.writeValueAsString(Map.of("employeeNumber", employees.get(i * 37).employeeNumber()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(workshops + "/sessions/" + session + "/bookings"))
                    .header("Authorization", "Bearer " + lead).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            inFlight.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> new double[] {
                    (System.nanoTime() - sent) / 1e6, r.statusCode(), r.body().contains("\"BOOKED\"") ? 1 : 0}));
        }
        double[] ms = new double[BOOKINGS];
        int booked = 0;
        Map<String, Integer> statuses = new HashMap<>();
        for (int i = 0; i < BOOKINGS; i++) {
            double[] r = inFlight.get(i).get();
            ms[i] = r[0];
            booked += (int) r[2];
            statuses.merge(Integer.toString((int) r[1]), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(ms);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", BOOKINGS);
        result.put("statuses", statuses);
        result.put("booked", booked);
        result.put("waitlisted", send("GET", workshops + "/sessions/" + session, lead, null).path("waitlisted").asInt());
        result.put("p50Ms", round2(ms[ms.length / 2]));
        result.put("p99Ms", round2(ms[(int) Math.ceil(ms.length * 0.99) - 1]));
        result.put("maxMs", round2(ms[ms.length - 1]));
        result.put("perSecond", round2(BOOKINGS / seconds));
        return result;
    }

    /** A plan of the three modules for workplaces with about {@code target} staff, solved for 60 s. */
    private static Map<String, Object> plan(String workshops, Supplier<String> lead, Municipality municipality, int target)
            throws Exception {
        // workplaces without units below them, so each counts only its own staff
        java.util.Set<String> parents = new java.util.HashSet<>();
        municipality.units().forEach(u -> parents.add(u.parentCode()));
        Map<String, Integer> staff = new LinkedHashMap<>();
        municipality.employees().stream().filter(e -> !parents.contains(e.unitCode()))
                .forEach(e -> staff.merge(e.unitCode(), 1, Integer::sum));
        List<String> units = new ArrayList<>();
        int people = 0;
        for (Map.Entry<String, Integer> unit : staff.entrySet()) {
            if (people >= target) {
                break;
            }
            units.add(unit.getKey());
            people += unit.getValue();
        }
        LocalDate from = LocalDate.now().plusMonths(3).withDayOfMonth(1);
        long start = System.nanoTime();
        String id = send("POST", workshops + "/plans", lead.get(), Map.of("units", units, "from", from,
                "to", from.plusMonths(target > 5_000 ? 6 : 4), "places", PLACES, "timeLimitSeconds", PLAN_SECONDS))
                .path("id").asText();
        double requestSeconds = (System.nanoTime() - start) / 1e9;
        JsonNode plan;
        do {
            Thread.sleep(2_000);
            plan = send("GET", workshops + "/plans/" + id, lead.get(), null);
        } while (plan.path("status").asText().equals("SOLVING"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("employees", people);
        result.put("parties", plan.path("parties").asInt());
        result.put("problemBuiltSeconds", round2(requestSeconds));
        result.put("firstFeasibleSeconds", plan.path("firstFeasibleMs").isMissingNode() ? null
                : round2(plan.path("firstFeasibleMs").asLong() / 1000.0));
        result.put("scoreAfter60s", plan.path("score").asText());
        result.put("placed", plan.path("proposal").path("placed").asInt());
        result.put("unplaced", plan.path("proposal").path("unplaced").asInt());
        result.put("newSessions", plan.path("proposal").path("newSessions").asInt());
        result.put("travelKm", plan.path("proposal").path("travelKm").asLong());
        return result;
    }

    /** The ledger of a month for everyone (a workshop and a trio meeting each), then its export against plain SQL. */
    private static Map<String, Object> esf(Connection db, String workshops, String hr) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    insert into hour_entry (employee_number, legal_gender, unit_code, occupation, activity, source_id,
                                            activity_date, hours, recorded_at)
                    select employee_number, legal_gender, unit_code, occupation, 'GOD-ARBETSMILJO', gen_random_uuid(),
                           date '2020-03-02' + (abs(hashtext(employee_number)) % 20), 3.0, now() from employee
                    union all
                    select employee_number, legal_gender, unit_code, occupation, 'TRIO_MEETING', gen_random_uuid(),
                           date '2020-03-03' + (abs(hashtext(employee_number)) % 20), 0.75, now() from employee""");
            s.execute("vacuum analyze hour_entry");
        }
        send("PUT", workshops + "/hourly-costs/2020", hr, Map.of("defaultSek", 272, "byOccupation",
                List.of(Map.of("occupation", "Undersköterska", "sek", 239))));
        double[] json = new double[RUNS];
        double[] csv = new double[RUNS];
        double[] plain = new double[RUNS];
        JsonNode export = send("GET", workshops + "/esf-exports/2020-03", hr, null);
        plainSql(db);
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            send("GET", workshops + "/esf-exports/2020-03", hr, null);
            json[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            HTTP.send(HttpRequest.newBuilder(URI.create(workshops + "/esf-exports/2020-03")).header("Authorization", "Bearer " + hr)
                    .header("Accept", "text/csv").timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            csv[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            plainSql(db);
            plain[i] = (System.nanoTime() - t) / 1e6;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", export.path("rows").size());
        result.put("participants", export.path("totals").path(0).path("participants").asInt());
        result.put("jsonMs", stats(json));
        result.put("csvMs", stats(csv));
        result.put("plainSqlMs", stats(plain));
        result.put("jsonOverPlainSql", round2(median(json) / median(plain)));
        return result;
    }

    private static void plainSql(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(ESF_SQL)) {
            while (rs.next()) {
                rs.getBigDecimal(7);
            }
        }
    }

}
