package se.kasam.workshops.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import se.kasam.workshops.Employee;

/** The participant-hour ledger: lines are added, never changed (see V2's comment on hour_entry). */
@ApplicationScoped
public class HourRepository {
    @Inject
    EntityManager em;

    /** One activity's hours of one employee, summed over the lines so far (0 when none). */
    public BigDecimal standing(UUID sourceId, String employeeNumber) {
        return (BigDecimal) em.createNativeQuery(
                        "select coalesce(sum(hours), 0) from hour_entry where source_id = ?1 and employee_number = ?2")
                .setParameter(1, sourceId).setParameter(2, employeeNumber).getSingleResult();
    }

    public void add(Employee employee, String activity, UUID sourceId, LocalDate day, BigDecimal hours,
                    OffsetDateTime now) {
        em.createNativeQuery("""
                        insert into hour_entry (employee_number, legal_gender, unit_code, occupation, activity, source_id,
                                                activity_date, hours, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, employee.employeeNumber).setParameter(2, employee.legalGender)
                .setParameter(3, employee.unitCode).setParameter(4, employee.occupation).setParameter(5, activity)
                .setParameter(6, sourceId).setParameter(7, day).setParameter(8, hours).setParameter(9, now)
                .executeUpdate();
    }

    /** An employee's hours per activity kind (a workshop module's code, TRIO_MEETING, WORKPLACE_MEETING, ...). */
    @SuppressWarnings("unchecked")
    public List<Object[]> byActivity(String employeeNumber) {
        return em.createNativeQuery("""
                        select activity, sum(hours) from hour_entry where employee_number = ?1
                        group by activity having sum(hours) <> 0 order by activity""")
                .setParameter(1, employeeNumber).getResultList();
    }
}
