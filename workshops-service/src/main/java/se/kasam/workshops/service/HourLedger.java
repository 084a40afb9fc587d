package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import se.kasam.workshops.Employee;
import se.kasam.workshops.repository.HourRepository;

/**
 * Records participant hours (ESF): brings an employee's hours for one activity to what is now true by adding the
 * difference as a line, so an exported month stays as it was and a later change shows as a correction.
 */
@ApplicationScoped
public class HourLedger {
    @Inject
    HourRepository hours;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void set(Employee employee, String activity, UUID sourceId, LocalDate day, BigDecimal now) {
        BigDecimal difference = now.subtract(hours.standing(sourceId, employee.employeeNumber));
        if (difference.signum() != 0) {
            hours.add(employee, activity, sourceId, day, difference, OffsetDateTime.now(clock));
        }
    }
}
