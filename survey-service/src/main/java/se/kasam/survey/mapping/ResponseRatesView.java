package se.kasam.survey.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;

/** How many have answered so far, per unit subtree: counts only, suppressed like results. */
public record ResponseRatesView(UUID roundId, String unit, int minRespondents, List<Row> rows) {
    /**
     * @param unit     the unit (null: the whole round)
     * @param kind     SUBTREE (the unit and below), OWN_STAFF (the unit's own staff), EVERYONE
     * @param answered null where suppressed
     * @param reason   why suppressed, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL) // a reason only where suppressed: an enum has no null in the schema
    public record Row(String unit, String kind, int invited, Integer answered, Double rate, Reason reason) {
    }
}
