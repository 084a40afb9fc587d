package se.kasam.workshops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Test organisations written straight into the projections (the Kafka path that fills them is ProjectionTest's):
 * a thousand employees at once, in a second.
 */
final class Workplaces {
    private Workplaces() {
    }

    static void unit(EntityManager em, String code, String parent, String... managers) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into unit (code, name, parent_code, managers, deleted, source_version, updated_at)
                        values (?1, ?1, ?2, ?3, false, 1, now())""")
                .setParameter(1, code).setParameter(2, parent).setParameter(3, managers).executeUpdate());
    }

    /** Employees prefix0001 ... of one unit, women, employed since 2015. */
    static void staff(EntityManager em, String prefix, int count, String unit) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into employee (employee_number, name, unit_code, legal_gender, occupation, start_date,
                                              end_date, source_version, updated_at)
                        select ?1 || lpad(i::text, 4, '0'), 'Anställd ' || i, ?2, 'FEMALE', 'Undersköterska',
                               date '2015-01-01', null, 1, now()
                        from generate_series(1, ?3) i""")
                .setParameter(1, prefix).setParameter(2, unit).setParameter(3, count).executeUpdate());
    }

    static void trioGroup(EntityManager em, long id, String unit, String... members) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into trio_group (id, round_id, unit_code, members, dissolved, source_version, updated_at)
                        values (?1, 1, ?2, ?3, false, 1, now())""")
                .setParameter(1, id).setParameter(2, unit).setParameter(3, members).executeUpdate());
    }

    static String number(String prefix, int i) {
        return prefix + String.format("%04d", i);
    }
}
