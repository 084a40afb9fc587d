package se.kasam.survey;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kasam.survey.mapping.EmployeeChanged;
import se.kasam.survey.mapping.UnitChanged;
import se.kasam.testing.EventProbe;

/** The consuming side, against the real broker, fed with the producer's own examples. */
@QuarkusTest
class ProjectionTest {
    static final Path EVENTS = Path.of("../participants-service/src/main/resources/events/");

    @Inject
    EntityManager em;

    @Test
    void theProducersExamplesBuildTheProjections() throws Exception {
        EventProbe.send("kasam.participants.employees", "100234", UUID.randomUUID().toString(), EmployeeChanged.TYPE,
                Files.readString(EVENTS.resolve(EmployeeChanged.TYPE + ".example.json")));
        EventProbe.send("kasam.participants.units", "SOC-HT-01", UUID.randomUUID().toString(), UnitChanged.TYPE,
                Files.readString(EVENTS.resolve(UnitChanged.TYPE + ".example.json")));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                select count(*) from employee where employee_number = '100234' and unit_code = 'SOC-HT-01'
                and legal_gender = 'FEMALE' and birth_year = 1975 and end_date is null and source_version = 3""") == 1
                && count("""
                select count(*) from unit where code = 'SOC-HT-01' and parent_code = 'SOC-HT' and managers = array['100017']
                and source_version = 2""") == 1);
    }

    @Test
    void anEventIsAppliedOnceAndAStaleOneNever() {
        String id = "dup-" + UUID.randomUUID();
        EventProbe.send("kasam.participants.employees", "SDUP-1", id, EmployeeChanged.TYPE, employee("SDUP-1", 5, "UNIT-A"));
        EventProbe.send("kasam.participants.employees", "SDUP-1", id, EmployeeChanged.TYPE, employee("SDUP-1", 6, "UNIT-B"));
        String stale = "stale-" + UUID.randomUUID();
        EventProbe.send("kasam.participants.employees", "SDUP-1", stale, EmployeeChanged.TYPE, employee("SDUP-1", 4, "UNIT-C"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from inbox_event where event_id = '" + stale + "'") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> count(
                "select count(*) from employee where employee_number = 'SDUP-1' and unit_code = 'UNIT-A' and source_version = 5") == 1);
    }

    private static String employee(String number, int version, String unit) {
        return "{\"employeeNumber\":\"" + number + "\",\"legalGender\":\"MALE\",\"birthYear\":1980,\"unitCode\":\"" + unit
                + "\",\"startDate\":\"2015-01-01\",\"endDate\":null,\"version\":" + version + ",\"left\":false}";
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
