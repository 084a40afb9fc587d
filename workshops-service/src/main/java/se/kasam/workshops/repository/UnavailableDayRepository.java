package se.kasam.workshops.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class UnavailableDayRepository {
    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<LocalDate> of(String employeeNumber, LocalDate from) {
        return em.createNativeQuery("select day from unavailable_day where employee_number = ?1 and day >= ?2 order by day",
                LocalDate.class).setParameter(1, employeeNumber).setParameter(2, from).getResultList();
    }

    /** Replaces the employee's days from {@code from} on (the past is kept as it was). */
    public void replace(String employeeNumber, LocalDate from, List<LocalDate> days) {
        em.createNativeQuery("delete from unavailable_day where employee_number = ?1 and day >= ?2")
                .setParameter(1, employeeNumber).setParameter(2, from).executeUpdate();
        for (LocalDate day : days) {
            em.createNativeQuery("insert into unavailable_day (employee_number, day) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, employeeNumber).setParameter(2, day).executeUpdate();
        }
    }
}
