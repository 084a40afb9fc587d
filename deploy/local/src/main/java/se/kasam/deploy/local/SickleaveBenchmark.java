package se.kasam.deploy.local;

import static se.kasam.deploy.local.BenchmarkRun.count;
import static se.kasam.deploy.local.BenchmarkRun.median;
import static se.kasam.deploy.local.BenchmarkRun.round2;
import static se.kasam.deploy.local.BenchmarkRun.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kasam.deploy.local.demo.AbsenceGenerator;
import se.kasam.deploy.local.demo.AbsenceGenerator.SpellRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator;
import se.kasam.deploy.local.demo.MunicipalityGenerator.Municipality;
import se.kasam.deploy.local.demo.MunicipalityGenerator.UnitRow;

/**
 * Sick-leave statistics at scale: 50,000 employees with five years of absence (about 1.1 million spells), loaded
 * through the HR imports. Then, on a settled stack, the annual whole-municipality report, one unit-subtree report and
 * a 60-month series through sickleave-service (client-side time of the HTTP call), beside the naive SQL over the raw
 * spells for the same figures, run with psql in the same run ({@code \timing}); and each year's protected
 * publication: the time to compute its pattern (off the request path) and the shares of cells hidden by the primary
 * rule and as complementary cells. Writes sickleave.json.
 * Start the launcher with -Dkasam.sickleave.first-month=2021-01 (the benchmark script does).
 */
public final class SickleaveBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int EMPLOYEES = 50_000;
    private static final int RUNS = 5;
    private static final int CHUNK = 100_000;
    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    private SickleaveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRun run = BenchmarkRun.start("sickleave", args);
        Map<String, Object> figures = run.figures();
        try (LocalStack stack = LocalStack.start(run.options(), step -> System.out.println("benchmark: starting " + step));
             Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl("sickleave"), "postgres", "postgres")) {
            KeycloakTokens tokens = new KeycloakTokens(stack.keycloakUrl());
            String sickleave = stack.serviceUrl("sickleave-service");
            Municipality municipality = MunicipalityGenerator.generate(EMPLOYEES, 7, DemoData.AS_OF);
            long t = System.nanoTime();
            send(stack.serviceUrl("participants-service") + "/api/participants/hr/import", tokens.hrIntegration(),
                    JSON.writeValueAsBytes(Map.of("units", municipality.units(), "employees", municipality.employees())));
            settle(db, EMPLOYEES);
            figures.put("employees", EMPLOYEES);
            figures.put("employeesImportedAndProjectedSeconds", round2((System.nanoTime() - t) / 1e9));

            List<SpellRow> spells = AbsenceGenerator.generate(municipality.employees(), FROM, TO, 7);
            t = System.nanoTime();
            for (int i = 0; i < spells.size(); i += CHUNK) {
                send(sickleave + "/api/sickleave/spells/import", tokens.hrIntegration(),
                        JSON.writeValueAsBytes(Map.of("spells", spells.subList(i, Math.min(spells.size(), i + CHUNK)))));
            }
            figures.put("spells", spells.size());
            figures.put("spellImportSeconds", round2((System.nanoTime() - t) / 1e9));
            figures.put("monthlyFacts", count(db, "select count(*) from employee_month"));
            t = System.nanoTime();
            awaitPublications(db);
            figures.put("publicationsCurrentSecondsAfterImport", round2((System.nanoTime() - t) / 1e9));
            figures.put("publication", publications(db));
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze");
            }

            String unit = largestAdministration(municipality);
            String units = String.join(",", subtree(db, unit));
            String hanna = tokens.user("hanna.hr");
            Map<String, Object> reports = new LinkedHashMap<>();
            reports.put("annualWholeMunicipality", compare(stack, hanna,
                    sickleave + "/api/sickleave/statistics?from=2025-01&to=2025-12", "naive-annual.sql", "2025-01-01", "2025-12-31", ""));
            reports.put("annualUnitSubtree", compare(stack, hanna,
                    sickleave + "/api/sickleave/statistics?from=2025-01&to=2025-12&unit=" + unit, "naive-annual.sql",
                    "2025-01-01", "2025-12-31", units));
            reports.put("monthlySeries60Months", compare(stack, hanna,
                    sickleave + "/api/sickleave/statistics/monthly?from=2021-01&to=2025-12", "naive-monthly.sql",
                    "2021-01-01", "2025-12-01", ""));
            figures.put("unit", Map.of("code", unit, "units", units.split(",").length));
            figures.put("reports", reports);
            figures.put("target", "service time <= 0.5 x the naive SQL; annual <= 100 ms, 60 months <= 500 ms; "
                    + "a year's protection <= 10 s");
        }
        run.write();
    }

    private static Map<String, Object> compare(LocalStack stack, String token, String url, String sql, String from,
                                               String to, String units) throws Exception {
        for (int i = 0; i < 2; i++) {
            send(url, token, null); // warm-up
        }
        double[] service = new double[RUNS];
        JsonNode answer = null;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            answer = send(url, token, null);
            service[i] = (System.nanoTime() - t) / 1e6;
        }
        Psql psql = psql(stack, sql, from, to, units);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("serviceMs", stats(service));
        result.put("naiveSqlMs", stats(psql.ms));
        result.put("serviceOverNaive", round2(median(service) / median(psql.ms)));
        // the same figure both ways, for the reports of one period (the series' first row is not the total)
        for (JsonNode figure : answer.path("figures")) {
            if (figure.path("key").asText().equals("TOTAL")) {
                result.put("serviceTotalPercent", figure.path("percent"));
                result.put("naiveTotalPercent", psql.firstRate);
            }
        }
        return result;
    }

    /** The naive query RUNS times in one psql session, after one warm-up, with the server's time per run. */
    private record Psql(double[] ms, String firstRate) {
    }

    private static Psql psql(LocalStack stack, String sqlFile, String from, String to, String units) throws Exception {
        String query = new String(SickleaveBenchmark.class.getResourceAsStream("/benchmark/" + sqlFile).readAllBytes(),
                StandardCharsets.UTF_8);
        StringBuilder script = new StringBuilder("\\set from '" + from + "'\n\\set to '" + to + "'\n\\set units '" + units
                + "'\n\\pset pager off\n" + query + "\n\\timing on\n");
        for (int i = 0; i < RUNS; i++) {
            script.append(query).append('\n');
        }
        Path file = Files.createTempFile("naive", ".sql");
        Files.writeString(file, script);
        Process p = new ProcessBuilder(psqlBinary(), "-X", "-q", "-h", "127.0.0.1", "-p", String.valueOf(stack.postgres().port()),
                "-U", "postgres", "-d", "sickleave", "-f", file.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        Matcher m = Pattern.compile("Time: ([0-9.]+) ms").matcher(out);
        List<Double> times = new ArrayList<>();
        while (m.find()) {
            times.add(Double.parseDouble(m.group(1)));
        }
        if (times.size() != RUNS) {
            throw new IllegalStateException("psql gave " + times.size() + " timings: " + out);
        }
        // the first result's first data row is the total (grouping set ()): gender | band | employees | rate
        Matcher rate = Pattern.compile("\\n\\s*[^|\\n]*\\|[^|\\n]*\\|\\s*\\d+\\s*\\|\\s*([0-9.]+)").matcher(out);
        return new Psql(times.stream().mapToDouble(Double::doubleValue).toArray(), rate.find() ? rate.group(1) : null);
    }

    private static String psqlBinary() throws IOException {
        for (String candidate : List.of("psql", "/usr/lib/postgresql/17/bin/psql", "/usr/lib/postgresql/16/bin/psql",
                "/usr/lib/postgresql/15/bin/psql")) {
            try {
                if (new ProcessBuilder(candidate, "--version").start().waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // try the next
            }
        }
        throw new IOException("psql not found: the benchmark compares with the naive SQL run by psql");
    }

    private static String largestAdministration(Municipality municipality) {
        Map<String, Integer> staff = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        municipality.units().forEach(u -> parents.put(u.code(), u.parentCode()));
        for (var e : municipality.employees()) {
            String u = e.unitCode();
            while (parents.get(u) != null && !"KOMMUN".equals(parents.get(u))) {
                u = parents.get(u);
            }
            staff.merge(u, 1, Integer::sum);
        }
        return municipality.units().stream().map(UnitRow::code).filter(c -> "KOMMUN".equals(parents.get(c)))
                .max((a, b) -> Integer.compare(staff.getOrDefault(a, 0), staff.getOrDefault(b, 0))).orElseThrow();
    }

    private static List<String> subtree(Connection db, String unit) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (var st = db.prepareStatement("""
                with recursive t(code) as (select code from unit where code = ?
                    union select u.code from unit u join t on u.parent_code = t.code) select code from t""")) {
            st.setString(1, unit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    /** Waits until every year's protected publication is computed from its current facts (off the request path). */
    private static void awaitPublications(Connection db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (count(db, "select count(*) from publication_year") == 0 || count(db, """
                select count(*) from publication_year y left join publication p on p.year = y.year
                where p.year is null or p.facts_version < y.facts_version""") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the publications were not current within 60 minutes");
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Each year's pattern: its cells (unit rows × time cells × groups), how long its protection took, and the shares
     * hidden: by the primary rule (the floor: groups of at most ten, one person's figure) and as complementary cells.
     */
    private static Map<String, Object> publications(Connection db) throws SQLException {
        Map<String, Object> years = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                select p.year, p.cells, p.millis,
                       count(*) filter (where c.reason in ('GROUP_TOO_SMALL', 'SINGLE_PERSON')) as primary_hidden,
                       count(*) filter (where c.reason = 'COMPLEMENTARY') as complementary,
                       count(*) filter (where c.reason is null) as shown,
                       count(distinct c.unit_row) as unit_rows
                from publication p join published_cell c on c.year = p.year group by p.year, p.cells, p.millis
                order by p.year""")) {
            while (rs.next()) {
                Map<String, Object> year = new LinkedHashMap<>();
                int cells = rs.getInt("cells");
                year.put("cells", cells);
                year.put("unitRows", rs.getInt("unit_rows"));
                year.put("protectSeconds", round2(rs.getLong("millis") / 1000.0));
                year.put("shownShare", round2(rs.getInt("shown") / (double) cells));
                year.put("primaryShare", round2(rs.getInt("primary_hidden") / (double) cells));
                year.put("complementaryShare", round2(rs.getInt("complementary") / (double) cells));
                years.put(String.valueOf(rs.getInt("year")), year);
            }
        }
        return years;
    }

    /** Waits until sickleave's projection has every employee and their facts. */
    private static void settle(Connection db, int employees) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (count(db, "select count(*) from employee") < employees || count(db, "select count(*) from fact_refresh") > 0
                || count(db, "select count(*) from unit") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sickleave's projection did not settle in 15 minutes");
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode send(String url, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(15));
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
