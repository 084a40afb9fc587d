package se.kasam.survey.rules;

/**
 * The demographics stored with a response: a unit (its subtree; {@value #EVERYONE} the whole round), a legal gender
 * and an age band, each of the latter two null once dropped.
 */
public record Demography(String unit, String gender, String band) {
    public static final String EVERYONE = "*";

    /** Whether an invitee of the given demographics is one this tuple may stand for. */
    public boolean covers(String unitOrAncestor, String legalGender, String ageBand) {
        return unit.equals(unitOrAncestor) && (gender == null || gender.equals(legalGender))
                && (band == null || band.equals(ageBand));
    }
}
