package se.kasam.sickleave;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.service.FactRefresh;
import se.kasam.testing.TestTokens;

/**
 * The facts of one employee are written by spell changes and by the refresh that follows employee events; when
 * both run at once (HR sends employees and spells together), neither may fail nor leave stale facts behind.
 */
@QuarkusTest
class FactConcurrencyTest {
    static final String HR = TestTokens.of("hr-system", Roles.HR_INTEGRATION);
    static final int EMPLOYEES = 60;
    static final List<String> NUMBERS = IntStream.range(0, EMPLOYEES).mapToObj(i -> "SPC-" + i).toList();

    @Inject
    EntityManager em;

    @Inject
    FactRefresh refresh;

    @Test
    void spellImportsAndTheEmployeeRefreshRunSideBySide() {
        Organisation organisation = new Organisation().unit("SPC", null);
        NUMBERS.forEach(n -> organisation.employee(n, "SPC", "FEMALE", 1980));
        organisation.awaitProjected(em);

        for (int round = 0; round < 15; round++) {
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(3L * round);
            CompletableFuture<Void> refreshing = CompletableFuture.runAsync(() -> {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "insert into fact_refresh select unnest(?1) on conflict do nothing")
                        .setParameter(1, NUMBERS.toArray(String[]::new)).executeUpdate());
                refresh.refreshSome();
            });
            given().auth().oauth2(HR).contentType(ContentType.JSON).body(batch(round, day))
                    .post("/api/sickleave/spells/import").then().statusCode(200);
            refreshing.join();
        }

        double written = sickHours();
        assertEquals(15 * EMPLOYEES * 40.0 / 7, written, 1e-6, "one sick day per employee and round");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into fact_refresh select unnest(?1) on conflict do nothing")
                .setParameter(1, NUMBERS.toArray(String[]::new)).executeUpdate());
        refresh.refreshSome();
        assertEquals(written, sickHours(), 1e-6, "a recompute from scratch finds the same facts");
    }

    private static String batch(int round, LocalDate day) {
        return NUMBERS.stream().map(n -> """
                {"spellId": "%s-R%d", "employeeNumber": "%s", "kind": "SICK_LEAVE",
                 "periods": [{"firstDay": "%s", "lastDay": "%s", "extent": 100}]}""".formatted(n, round, n, day, day))
                .collect(Collectors.joining(",", "{\"spells\": [", "]}"));
    }

    private double sickHours() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(sick_0 + sick_1 + sick_2), 0) from employee_month where employee_number = any(?1)")
                .setParameter(1, NUMBERS.toArray(String[]::new)).getSingleResult()).doubleValue());
    }
}
