package se.kasam.participants.rules;

import java.util.ArrayList;
import java.util.List;
import se.kasam.participants.mapping.EmployeeInput;
import se.kasam.platform.privacy.PersonnummerGuard;
import se.kasam.platform.problem.Problem.Violation;

/**
 * The rules for an employee record that bean validation cannot say: across fields, and no personnummer in any
 * field. Whether the unit exists is checked where the units are known.
 */
public final class EmployeeRules {
    private EmployeeRules() {
    }

    public static List<Violation> violations(EmployeeInput input) {
        List<Violation> errors = new ArrayList<>();
        PersonnummerGuard.check(errors, "employeeNumber", input.employeeNumber());
        PersonnummerGuard.check(errors, "name", input.name());
        PersonnummerGuard.check(errors, "email", input.email());
        PersonnummerGuard.check(errors, "occupation", input.occupation());
        if (input.birthDate() != null && input.birthYear() != null && input.birthDate().getYear() != input.birthYear()) {
            errors.add(new Violation("birthDate", "MatchesBirthYear", "birth date is not in birth year " + input.birthYear()));
        }
        if (input.endDate() != null && input.startDate() != null && input.endDate().isBefore(input.startDate())) {
            errors.add(new Violation("endDate", "NotBeforeStart", "end date is before start date " + input.startDate()));
        }
        return errors;
    }
}
