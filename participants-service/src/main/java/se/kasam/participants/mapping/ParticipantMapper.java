package se.kasam.participants.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import se.kasam.participants.Employee;
import se.kasam.participants.Unit;

/** Between entities, API records and event data. */
public final class ParticipantMapper {
    private ParticipantMapper() {
    }

    public static UnitView toView(Unit unit) {
        return new UnitView(unit.code, unit.name, unit.parentCode, Set.copyOf(unit.managers), unit.version);
    }

    public static UnitChanged toEvent(Unit unit) {
        return new UnitChanged(unit.code, unit.name, unit.parentCode, new TreeSet<>(unit.managers), unit.version, false);
    }

    public static void apply(UnitInput input, Unit unit) {
        unit.name = input.name().strip();
        unit.parentCode = input.parentCode();
        TreeSet<String> managers = input.managers() == null ? new TreeSet<>() : new TreeSet<>(input.managers());
        if (!managers.equals(unit.managers)) {
            unit.managers = managers;
        }
    }

    public static EmployeeView toView(Employee e) {
        return new EmployeeView(e.employeeNumber, e.name, e.email, e.legalGender, e.birthYear, e.birthDate, e.unitCode,
                e.occupation, e.employmentRate, e.fullTimeHours, e.employmentType, e.startDate, e.endDate, e.version);
    }

    public static EmployeeChanged toEvent(Employee e, LocalDate today) {
        boolean left = e.endDate != null && !e.endDate.isAfter(today);
        return new EmployeeChanged(e.employeeNumber, e.name, e.email, e.legalGender, e.birthYear, e.birthDate,
                e.unitCode, e.occupation, e.employmentRate, e.fullTimeHours, e.employmentType, e.startDate, e.endDate,
                e.version, left);
    }

    public static void apply(EmployeeInput input, Employee e) {
        e.name = input.name().strip();
        e.email = input.email();
        e.legalGender = input.legalGender();
        e.birthYear = input.birthYear();
        e.birthDate = input.birthDate();
        e.unitCode = input.unitCode();
        e.occupation = input.occupation();
        e.employmentRate = scaled(input.employmentRate(), e.employmentRate);
        e.fullTimeHours = scaled(input.fullTimeHours(), e.fullTimeHours);
        e.employmentType = input.employmentType();
        e.startDate = input.startDate();
        e.endDate = input.endDate();
    }

    /** Keeps the stored value when only the scale differs (75 vs 75.00), so an unchanged row stays unchanged. */
    private static BigDecimal scaled(BigDecimal incoming, BigDecimal current) {
        if (current != null && current.compareTo(incoming) == 0) {
            return current;
        }
        return incoming.setScale(2, RoundingMode.HALF_UP);
    }
}
