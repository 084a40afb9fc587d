package se.kasam.survey;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.kasam.survey.mapping.EmployeeChanged;
import se.kasam.survey.mapping.UnitChanged;
import se.kasam.testing.EventProbe;

/** Test data sent the way participants-service sends it: unit and employee state events on Kafka. */
final class Organisation {
    final List<String> employees = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private int next = 1;

    Organisation unit(String code, String parent, String... managers) {
        String json = "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"managers\":[" + String.join(",",
                List.of(managers).stream().map(m -> "\"" + m + "\"").toList()) + "],\"version\":1,\"deleted\":false}";
        EventProbe.send("kasam.participants.units", code, UUID.randomUUID().toString(), UnitChanged.TYPE, json);
        units.add(code);
        return this;
    }

    /** Employees numbered prefix1, prefix2, ... of one unit, gender and birth year. */
    Organisation staff(String prefix, int count, String unit, String gender, int birthYear) {
        for (int i = 0; i < count; i++) {
            employee(prefix + next++, unit, gender, birthYear);
        }
        return this;
    }

    Organisation employee(String number, String unit, String gender, int birthYear) {
        String json = "{\"employeeNumber\":\"" + number + "\",\"name\":\"N\",\"legalGender\":\"" + gender
                + "\",\"birthYear\":" + birthYear + ",\"birthDate\":null,\"unitCode\":\"" + unit
                + "\",\"employmentRate\":100,\"fullTimeHours\":40,\"employmentType\":\"PERMANENT\","
                + "\"startDate\":\"2015-01-01\",\"endDate\":null,\"version\":1,\"left\":false}";
        EventProbe.send("kasam.participants.employees", number, UUID.randomUUID().toString(), EmployeeChanged.TYPE, json);
        employees.add(number);
        return this;
    }

    void awaitProjected(EntityManager em) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                count(em, "select count(*) from employee where employee_number = any(?1)", employees) == employees.size()
                        && count(em, "select count(*) from unit where code = any(?1)", units) == units.size()));
    }

    private static long count(EntityManager em, String sql, List<String> keys) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, keys.toArray(String[]::new)).getSingleResult()).longValue();
    }
}
