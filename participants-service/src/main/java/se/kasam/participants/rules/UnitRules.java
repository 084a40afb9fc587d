package se.kasam.participants.rules;

import java.util.ArrayList;
import java.util.List;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.platform.privacy.PersonnummerGuard;
import se.kasam.platform.problem.Problem.Violation;

/** The rules for a unit that bean validation cannot say; its place in the tree is {@link UnitTree}'s. */
public final class UnitRules {
    private UnitRules() {
    }

    public static List<Violation> violations(UnitInput input) {
        List<Violation> errors = new ArrayList<>();
        PersonnummerGuard.check(errors, "name", input.name());
        if (input.managers() != null) {
            input.managers().forEach(manager -> PersonnummerGuard.check(errors, "managers", manager));
        }
        return errors;
    }
}
