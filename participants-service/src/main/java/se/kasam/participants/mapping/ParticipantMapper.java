package se.kasam.participants.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import se.kasam.participants.Employee;
import se.kasam.participants.Unit;

/**
 * Between entities, API records and event data. An input record in {@code normalized} form is also the state
 * compared to decide whether anything changed: names stripped, blank optional text absent, decimals with two places.
 */
public final class ParticipantMapper {
    private ParticipantMapper() {
    }

    public static UnitInput normalized(UnitInput in) {
        return new UnitInput(in.code(), in.name().strip(), in.parentCode(),
                in.managers() == null ? new TreeSet<>() : new TreeSet<>(in.managers()));
    }

    public static UnitInput toInput(Unit unit) {
        return new UnitInput(unit.code, unit.name, unit.parentCode, new TreeSet<>(unit.managers));
    }

    public static UnitView toView(Unit unit) {
        return new UnitView(unit.code, unit.name, unit.parentCode, Set.copyOf(unit.managers), unit.version);
    }

    public static UnitChanged toEvent(UnitInput state, int version) {
        return new UnitChanged(state.code(), state.name(), state.parentCode(), new TreeSet<>(state.managers()), version,
                false);
    }

    public static void apply(UnitInput input, Unit unit) {
        UnitInput state = normalized(input);
        unit.name = state.name();
        unit.parentCode = state.parentCode();
        if (!state.managers().equals(unit.managers)) {
            unit.managers = new TreeSet<>(state.managers());
        }
    }

    public static EmployeeInput normalized(EmployeeInput in) {
        return new EmployeeInput(in.employeeNumber(), in.name() == null ? null : in.name().strip(), blankToNull(in.email()), in.legalGender(),
                in.birthYear(), in.birthDate(), in.unitCode(), blankToNull(in.occupation()), twoPlaces(in.employmentRate()),
                twoPlaces(in.fullTimeHours()), in.employmentType(), in.startDate(), in.endDate());
    }

    public static EmployeeInput toInput(Employee e) {
        return new EmployeeInput(e.employeeNumber, e.name, e.email, e.legalGender, e.birthYear, e.birthDate, e.unitCode,
                e.occupation, e.employmentRate, e.fullTimeHours, e.employmentType, e.startDate, e.endDate);
    }

    public static EmployeeView toView(Employee e) {
        return new EmployeeView(e.employeeNumber, e.name, e.email, e.legalGender, e.birthYear, e.birthDate, e.unitCode,
                e.occupation, e.employmentRate, e.fullTimeHours, e.employmentType, e.startDate, e.endDate, e.version);
    }

    public static EmployeeChanged toEvent(EmployeeInput s, int version, LocalDate today) {
        boolean left = s.endDate() != null && !s.endDate().isAfter(today);
        return new EmployeeChanged(s.employeeNumber(), s.name(), s.email(), s.legalGender(), s.birthYear(),
                s.birthDate(), s.unitCode(), s.occupation(), s.employmentRate(), s.fullTimeHours(), s.employmentType(),
                s.startDate(), s.endDate(), version, left);
    }

    public static void apply(EmployeeInput input, Employee e) {
        EmployeeInput s = normalized(input);
        e.name = s.name();
        e.email = s.email();
        e.legalGender = s.legalGender();
        e.birthYear = s.birthYear();
        e.birthDate = s.birthDate();
        e.unitCode = s.unitCode();
        e.occupation = s.occupation();
        e.employmentRate = s.employmentRate();
        e.fullTimeHours = s.fullTimeHours();
        e.employmentType = s.employmentType();
        e.startDate = s.startDate();
        e.endDate = s.endDate();
    }

    /** The employee with another end date: how ending an employment (or a full batch's "left") changes the state. */
    public static EmployeeInput withEndDate(EmployeeInput s, LocalDate endDate) {
        return new EmployeeInput(s.employeeNumber(), s.name(), s.email(), s.legalGender(), s.birthYear(), s.birthDate(),
                s.unitCode(), s.occupation(), s.employmentRate(), s.fullTimeHours(), s.employmentType(), s.startDate(),
                endDate);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static BigDecimal twoPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
