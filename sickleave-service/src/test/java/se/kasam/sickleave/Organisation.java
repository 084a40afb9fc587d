package se.kasam.sickleave;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.kasam.sickleave.mapping.EmployeeChanged;
import se.kasam.sickleave.mapping.UnitChanged;
import se.kasam.testing.EventProbe;

/** Test data sent the way participants-service sends it: unit and employee state events on Kafka. */
final class Organisation {
    private final List<String> employees = new ArrayList<>();
    private final List<String> units = new ArrayList<>();

    Organisation unit(String code, String parent, String... managers) {
        String json = "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"managers\":[" + String.join(",",
                List.of(managers).stream().map(m -> "\"" + m + "\"").toList()) + "],\"version\":1,\"deleted\":false}";
        EventProbe.send("kasam.participants.units", code, UUID.randomUUID().toString(), UnitChanged.TYPE, json);
        units.add(code);
        return this;
    }

    Organisation employee(String number, String unit, String gender, int birthYear) {
        return employee(number, unit, gender, birthYear, 100, 1);
    }

    Organisation employee(String number, String unit, String gender, int birthYear, int rate, int version) {
        return employee(number, unit, gender, birthYear, rate, version, "2020-01-01");
    }

    Organisation employee(String number, String unit, String gender, int birthYear, int rate, int version,
                          String startDate) {
        String json = "{\"employeeNumber\":\"" + number + "\",\"name\":\"N\",\"legalGender\":\"" + gender
                + "\",\"birthYear\":" + birthYear + ",\"birthDate\":null,\"unitCode\":\"" + unit
                + "\",\"employmentRate\":" + rate + ",\"fullTimeHours\":40,\"employmentType\":\"PERMANENT\","
                + "\"startDate\":\"" + startDate + "\",\"endDate\":null,\"version\":" + version + ",\"left\":false}";
        EventProbe.send("kasam.participants.employees", number, UUID.randomUUID().toString(), EmployeeChanged.TYPE, json);
        employees.add(number);
        return this;
    }

    /** Waits until the projections hold everything sent and no employee waits for its facts. */
    void awaitProjected(EntityManager em) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                count(em, "select count(*) from employee where employee_number = any(?1)", employees) == employees.size()
                        && count(em, "select count(*) from unit where code = any(?1)", units) == units.size()
                        && count(em, "select count(*) from fact_refresh where employee_number = any(?1)", employees) == 0));
    }

    private static long count(EntityManager em, String sql, List<String> keys) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, keys.toArray(String[]::new)).getSingleResult()).longValue();
    }
}
