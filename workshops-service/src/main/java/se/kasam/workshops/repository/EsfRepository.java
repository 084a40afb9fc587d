package se.kasam.workshops.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A month's participant hours read off the ledger, its export record and the hourly costs. */
@ApplicationScoped
public class EsfRepository {
    @Inject
    EntityManager em;

    /** A ledger row summed: one employee's hours in one activity on one day. */
    public record HourRow(String employeeNumber, String legalGender, String unitCode, String occupation, String activity,
                          LocalDate date, BigDecimal hours, OffsetDateTime recordedAt) {
    }

    public record Export(OffsetDateTime exportedAt, String exportedBy, String hourlyCosts) {
    }

    /** The month's hours as they stood at {@code asOf}: lines recorded up to then, summed, the zero sums left out. */
    @SuppressWarnings("unchecked")
    public List<HourRow> standing(YearMonth month, OffsetDateTime asOf) {
        List<Object[]> rows = em.createNativeQuery("""
                        select employee_number, legal_gender, unit_code, occupation, activity, activity_date, sum(hours)
                        from hour_entry where activity_date >= ?1 and activity_date < ?2 and recorded_at <= ?3
                        group by 1, 2, 3, 4, 5, 6 having sum(hours) <> 0
                        order by employee_number, activity_date, activity""")
                .setParameter(1, month.atDay(1)).setParameter(2, month.plusMonths(1).atDay(1)).setParameter(3, asOf)
                .getResultList();
        return rows.stream().map(r -> new HourRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (LocalDate) r[5], (BigDecimal) r[6], null)).toList();
    }

    /** The lines of the month's days recorded after {@code after}: corrections to an export made then. */
    @SuppressWarnings("unchecked")
    public List<HourRow> recordedAfter(YearMonth month, OffsetDateTime after) {
        List<Object[]> rows = em.createNativeQuery("""
                        select employee_number, legal_gender, unit_code, occupation, activity, activity_date, hours,
                               recorded_at
                        from hour_entry where activity_date >= ?1 and activity_date < ?2 and recorded_at > ?3
                        order by recorded_at, id""")
                .setParameter(1, month.atDay(1)).setParameter(2, month.plusMonths(1).atDay(1)).setParameter(3, after)
                .getResultList();
        return rows.stream().map(r -> new HourRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (LocalDate) r[5], (BigDecimal) r[6], toOffset(r[7]))).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<Export> export(YearMonth month) {
        List<Object[]> rows = em.createNativeQuery(
                        "select exported_at, exported_by, hourly_costs::text from esf_export where month = ?1")
                .setParameter(1, month.atDay(1)).getResultList();
        return rows.stream().findFirst().map(r -> new Export(toOffset(r[0]), (String) r[1], (String) r[2]));
    }

    /** Records the month's export once; a second caller at the same moment finds it already there. */
    public boolean recordExport(YearMonth month, OffsetDateTime at, String by, String hourlyCostsJson) {
        return em.createNativeQuery("""
                        insert into esf_export (month, exported_at, exported_by, hourly_costs)
                        values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict (month) do nothing""")
                .setParameter(1, month.atDay(1)).setParameter(2, at).setParameter(3, by).setParameter(4, hourlyCostsJson)
                .executeUpdate() == 1;
    }

    /** A year's hourly costs: occupation → SEK, '*' for the default. */
    @SuppressWarnings("unchecked")
    public List<Object[]> hourlyCosts(int year) {
        return em.createNativeQuery("select occupation, sek from hourly_cost where year = ?1 order by occupation")
                .setParameter(1, year).getResultList();
    }

    public void replaceHourlyCosts(int year, List<Object[]> occupationAndSek) {
        em.createNativeQuery("delete from hourly_cost where year = ?1").setParameter(1, year).executeUpdate();
        for (Object[] row : occupationAndSek) {
            em.createNativeQuery("insert into hourly_cost (year, occupation, sek) values (?1, ?2, ?3)")
                    .setParameter(1, year).setParameter(2, row[0]).setParameter(3, row[1]).executeUpdate();
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        return value instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
