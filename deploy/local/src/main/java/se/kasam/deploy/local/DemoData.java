package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small demo organisation, loaded through the gateway with the HR integration's token, as the HR system would:
 * the units and the employees the demo logins belong to. Loading twice changes nothing (409 = already there).
 */
final class DemoData {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final KeycloakTokens tokens;

    DemoData(String gateway, KeycloakTokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    void load() {
        String token = tokens.hrIntegration();
        List<Map<String, Object>> units = List.of(
                unit("STROMSUND", "Strömsunds kommun", null, List.of()),
                unit("KS", "Kommunstyrelseförvaltningen", "STROMSUND", List.of("D0002")),
                unit("KS-HR", "HR-avdelningen", "KS", List.of("D0001")),
                unit("SOC", "Socialförvaltningen", "STROMSUND", List.of()),
                unit("SOC-ABO", "Äldreboendet Björkbacken", "SOC", List.of("D0003")),
                unit("BUF", "Barn- och utbildningsförvaltningen", "STROMSUND", List.of()),
                unit("BUF-FSK", "Förskolan Solstrålen", "BUF", List.of()));
        for (Map<String, Object> unit : units) {
            post("/api/participants/units", unit, token);
        }
        post("/api/participants/employees", employee("D0001", "Hanna Berg", "FEMALE", 1978, "KS-HR", "HR-specialist"), token);
        post("/api/participants/employees", employee("D0002", "Petra Lind", "FEMALE", 1971, "KS", "Projektledare"), token);
        post("/api/participants/employees", employee("D0003", "Magnus Ek", "MALE", 1969, "SOC-ABO", "Enhetschef"), token);
        post("/api/participants/employees", employee("D0004", "Frida Holm", "FEMALE", 1985, "KS-HR", "Processledare"), token);
        post("/api/participants/employees", employee("D0005", "Emma Sjöberg", "FEMALE", 1992, "SOC-ABO", "Undersköterska"), token);
        post("/api/participants/employees", employee("D0006", "Erik Nyström", "MALE", 1966, "KS", "Utvärderare"), token);
    }

    private static Map<String, Object> unit(String code, String name, String parent, List<String> managers) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("code", code);
        unit.put("name", name);
        unit.put("parentCode", parent);
        unit.put("managers", managers);
        return unit;
    }

    private static Map<String, Object> employee(String number, String name, String gender, int birthYear, String unit,
                                                String occupation) {
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("employeeNumber", number);
        employee.put("name", name);
        employee.put("email", name.toLowerCase().replace(' ', '.').replace('ö', 'o').replace('ä', 'a') + "@example.org");
        employee.put("legalGender", gender);
        employee.put("birthYear", birthYear);
        employee.put("unitCode", unit);
        employee.put("occupation", occupation);
        employee.put("employmentRate", 100);
        employee.put("fullTimeHours", 40);
        employee.put("employmentType", "PERMANENT");
        employee.put("startDate", "2012-01-01");
        return employee;
    }

    private void post(String path, Object body, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("demo data: " + path + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("demo data: gateway not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
