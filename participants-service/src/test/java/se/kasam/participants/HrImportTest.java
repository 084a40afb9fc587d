package se.kasam.participants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.kasam.participants.Fixtures.HR;
import static se.kasam.participants.Fixtures.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kasam.participants.mapping.EmployeeChanged;
import se.kasam.participants.mapping.EmployeeInput;
import se.kasam.participants.repository.EmployeeRepository;
import se.kasam.platform.security.Roles;
import se.kasam.testing.EventProbe;
import se.kasam.testing.TestTokens;

/** The HR batch import against real PostgreSQL and Kafka. */
@QuarkusTest
class HrImportTest {
    static final String IMPORT = "/api/participants/hr/import";

    @Inject
    EmployeeRepository employees;

    static Map<String, Object> unit(String code, String parent, String... managers) {
        return parent == null ? Map.of("code", code, "name", "Enhet " + code, "managers", List.of(managers))
                : Map.of("code", code, "name", "Enhet " + code, "parentCode", parent, "managers", List.of(managers));
    }

    static Map<String, Object> batch(List<?> units, List<?> employees) {
        return Map.of("units", units, "employees", employees);
    }

    @Test
    void createsThenReportsUnchangedAndPublishesOnlyRealChanges() {
        var batch = batch(List.of(unit("IM-ROOT", null), unit("IM-A", "IM-ROOT", "IM-2")),
                List.of(Fixtures.employee("IM-1", "IM-A"), Fixtures.employee("IM-2", "IM-A")));
        as(HR).body(batch).post(IMPORT).then().statusCode(200)
                .body("applied", equalTo(true)).body("mode", equalTo("ATOMIC"))
                .body("units.created", equalTo(2)).body("employees.created", equalTo(2))
                .body("employeeRows.outcome", equalTo(List.of("CREATED", "CREATED")))
                .body("employeeRows.row", equalTo(List.of(1, 2)));
        as(HR).get("/api/participants/units/IM-A").then().statusCode(200).body("managers", equalTo(List.of("IM-2")));

        // the same batch again: nothing changes, nothing is published
        as(HR).body(batch).post(IMPORT).then().statusCode(200)
                .body("units.unchanged", equalTo(2)).body("employees.unchanged", equalTo(2))
                .body("employees.created", equalTo(0)).body("employees.updated", equalTo(0));

        // one real change: one update, one event, a new version
        var changed = Fixtures.employee("IM-2", "IM-A");
        changed.put("employmentRate", 100);
        as(HR).body(batch(List.of(), List.of(Fixtures.employee("IM-1", "IM-A"), changed))).post(IMPORT).then().statusCode(200)
                .body("employeeRows.outcome", equalTo(List.of("UNCHANGED", "UPDATED")));
        as(HR).get("/api/participants/employees/IM-2").then().body("version", equalTo(1)).body("employmentRate", equalTo(100.0f));

        // a last change of each employee: once both have come, every earlier event of theirs has come too
        var lastOne = Fixtures.employee("IM-1", "IM-A");
        lastOne.put("name", "Sentinel");
        var lastTwo = Fixtures.employee("IM-2", "IM-A");
        lastTwo.put("employmentRate", 100);
        lastTwo.put("name", "Sentinel");
        as(HR).body(batch(List.of(), List.of(lastOne, lastTwo))).post(IMPORT).then().statusCode(200)
                .body("employeeRows.outcome", equalTo(List.of("UPDATED", "UPDATED")));

        var events = EventProbe.awaitUntil(EmployeeChanged.TOPIC, r -> r.key().startsWith("IM-"),
                found -> found.stream().filter(r -> r.value().contains("Sentinel")).count() == 2, Duration.ofSeconds(30),
                "both sentinel changes");
        // keys are spread over partitions: order holds per key only
        assertEquals(List.of("IM-1", "IM-1", "IM-2", "IM-2", "IM-2"), events.stream().map(r -> r.key()).sorted().toList(),
                "one event per created or changed employee, none for unchanged rows");
        assertEquals(List.of(true, true, true, true, true), events.stream().map(r -> r.value().contains("\"version\"")).toList());
    }

    @Test
    void atomicBatchWithOneBadRowWritesNothingAndNamesEveryRowFieldAndRule() {
        var personnummer = Fixtures.employee("AT-3", "AT-A");
        personnummer.put("occupation", "19121212-1212");
        var badRate = Fixtures.employee("AT-4", "AT-A");
        badRate.put("employmentRate", 140);
        var badDate = Fixtures.employee("AT-5", "AT-A");
        badDate.put("startDate", "2020-02-30");
        var batch = batch(List.of(unit("AT-A", null), unit("AT-LOOP1", "AT-LOOP2"), unit("AT-LOOP2", "AT-LOOP1")),
                List.of(Fixtures.employee("AT-1", "AT-A"), Fixtures.employee("AT-2", "AT-NOWHERE"), personnummer,
                        badRate, badDate, Fixtures.employee("AT-1", "AT-A")));
        as(HR).body(batch).post(IMPORT).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kasam:problem:validation"))
                .body("errors.field", hasItems("units[2].parentCode", "units[3].parentCode", "employees[2].unitCode",
                        "employees[3].occupation", "employees[4].employmentRate", "employees[5].startDate",
                        "employees[6].employeeNumber"))
                .body("errors.rule", hasItems("NoCycle", "UnitExists", "NoPersonnummer", "DecimalMax", "Format",
                        "UniqueInBatch"));
        // all or nothing: not even the good unit and the good employee were written
        as(HR).get("/api/participants/units/AT-A").then().statusCode(404);
        as(HR).get("/api/participants/employees/AT-1").then().statusCode(404);

        // dry run: the report, nothing written
        given().auth().oauth2(HR).contentType(ContentType.JSON).queryParam("mode", "dry-run").body(batch).post(IMPORT)
                .then().statusCode(200).body("applied", equalTo(false))
                .body("employeeRows.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")))
                .body("employeeRows[1].errors[0].rule", equalTo("UnitExists"));
        as(HR).get("/api/participants/employees/AT-1").then().statusCode(404);

        // partial: the valid rows only
        given().auth().oauth2(HR).contentType(ContentType.JSON).queryParam("mode", "partial").body(batch).post(IMPORT)
                .then().statusCode(200).body("applied", equalTo(true))
                .body("units.created", equalTo(1)).body("units.rejected", equalTo(2))
                .body("employees.created", equalTo(1)).body("employees.rejected", equalTo(5));
        as(HR).get("/api/participants/employees/AT-1").then().statusCode(200);
        as(HR).get("/api/participants/units/AT-LOOP1").then().statusCode(404);
    }

    @Test
    void csvFilesWithBomSemicolonsAndDecimalCommas() throws IOException {
        given().auth().oauth2(HR).multiPart("units", "units.csv", resource("hr/units.csv"), "text/csv")
                .multiPart("employees", "employees.csv", resource("hr/employees.csv"), "text/csv")
                .queryParam("mode", "partial").post(IMPORT)
                .then().statusCode(200)
                .body("unitRows.key", equalTo(List.of("CSV-ROOT", "CSV-HEM")))
                .body("units.created", equalTo(2))
                .body("employeeRows.outcome", equalTo(List.of("CREATED", "CREATED", "REJECTED")))
                .body("employeeRows[2].errors[0].field", equalTo("unitCode"));
        as(HR).get("/api/participants/employees/CSV-1").then().statusCode(200)
                .body("name", equalTo("Åsa Öberg")).body("fullTimeHours", equalTo(38.25f)).body("birthDate", nullValue());
        as(HR).get("/api/participants/employees/CSV-2").then().statusCode(200).body("name", equalTo("Lars \"Lasse\" Lind; jr"));
        as(HR).get("/api/participants/units/CSV-HEM").then().body("managers", hasItems("CSV-2", "CSV-9"))
                .body("parentCode", equalTo("CSV-ROOT"));

        // one comma-separated file of employees as the body; the same rows again change nothing
        String commas = """
                employeeNumber,name,legalGender,birthYear,unitCode,employmentRate,fullTimeHours,employmentType,startDate
                CSV-1,Åsa Öberg,FEMALE,1968,CSV-HEM,75,38.25,PERMANENT,2001-09-01
                """;
        given().auth().oauth2(HR).contentType("text/csv").body(commas).post(IMPORT).then().statusCode(200)
                // e-mail and occupation are absent from this file, so they are cleared: HR's file is the truth
                .body("employeeRows[0].outcome", equalTo("UPDATED"));
        given().auth().oauth2(HR).contentType("text/csv").body(commas).post(IMPORT).then().statusCode(200)
                .body("employeeRows[0].outcome", equalTo("UNCHANGED"));

        given().auth().oauth2(HR).contentType("text/csv").body("employeeNumber,personnummer\nX,191212121212\n").post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("employees.header")).body("errors[0].rule", equalTo("KnownColumn"));
    }

    @Test
    void fullBatchMarksMissingEmployeesAsLeftOnTheBatchDateAndDeletesNobody() {
        as(HR).body(batch(List.of(unit("FULL-A", null)),
                List.of(Fixtures.employee("FULL-1", "FULL-A"), Fixtures.employee("FULL-2", "FULL-A")))).post(IMPORT)
                .then().statusCode(200);
        // everyone else stays as they are: the full batch holds them all, except FULL-2
        List<Map<String, Object>> everyone = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> employees.states().values().stream()
                .map(v -> v.state()).filter(e -> !e.employeeNumber().equals("FULL-2"))
                .forEach(e -> everyone.add(asMap(e))));

        given().auth().oauth2(HR).contentType(ContentType.JSON).queryParam("full", true).queryParam("batchDate", "2026-10-31")
                .body(batch(List.of(), everyone)).post(IMPORT).then().statusCode(200)
                .body("employees.left", equalTo(1)).body("employees.created", equalTo(0)).body("employees.updated", equalTo(0))
                .body("employeeRows.findAll { it.outcome == 'LEFT' }.key", equalTo(List.of("FULL-2")))
                .body("employeeRows.findAll { it.outcome == 'LEFT' }.row", equalTo(List.of(0)));
        as(HR).get("/api/participants/employees/FULL-2").then().statusCode(200).body("endDate", equalTo("2026-10-31"));
        as(HR).get("/api/participants/employees/FULL-1").then().body("endDate", nullValue());

        // sent again: already left, nothing to do
        given().auth().oauth2(HR).contentType(ContentType.JSON).queryParam("full", true).queryParam("batchDate", "2026-10-31")
                .body(batch(List.of(), everyone)).post(IMPORT).then().statusCode(200).body("employees.left", equalTo(0));
    }

    @Test
    void onlyHrMayImportAndOptionsAreChecked() {
        as(TestTokens.of("emma", Roles.EMPLOYEE)).body(batch(List.of(), List.of())).post(IMPORT).then().statusCode(403);
        as(TestTokens.of("pl", Roles.PROJECT_LEAD)).body(batch(List.of(), List.of())).post(IMPORT).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post(IMPORT).then().statusCode(401);
        as(TestTokens.of("hr-admin", Roles.HR_ADMIN)).body(batch(List.of(), List.of())).post(IMPORT).then().statusCode(200);
        given().auth().oauth2(HR).contentType(ContentType.JSON).queryParam("mode", "sometimes").body("{}").post(IMPORT)
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
        as(HR).body("[1, 2]").post(IMPORT).then().statusCode(400).body("type", equalTo("urn:kasam:problem:malformed-body"));
        as(HR).body("{\"employees\": [").post(IMPORT).then().statusCode(400).body("errors[0].rule", equalTo("JsonSyntax"));
    }

    private static Map<String, Object> asMap(EmployeeInput e) {
        var map = new java.util.HashMap<String, Object>();
        map.put("employeeNumber", e.employeeNumber());
        map.put("name", e.name());
        map.put("email", e.email());
        map.put("legalGender", e.legalGender());
        map.put("birthYear", e.birthYear());
        map.put("birthDate", e.birthDate() == null ? null : e.birthDate().toString());
        map.put("unitCode", e.unitCode());
        map.put("occupation", e.occupation());
        map.put("employmentRate", e.employmentRate());
        map.put("fullTimeHours", e.fullTimeHours());
        map.put("employmentType", e.employmentType());
        map.put("startDate", e.startDate().toString());
        map.put("endDate", e.endDate() == null ? null : e.endDate().toString());
        return map;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HrImportTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
