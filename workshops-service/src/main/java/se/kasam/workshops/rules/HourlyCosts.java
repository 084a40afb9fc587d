package se.kasam.workshops.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The hourly wage cost an hour in the programme is valued at, as co-financing (ESF: participants' wage cost during
 * the activities, in hourly unit costs per year): per occupation, else the year's default; no cost set is zero.
 *
 * @param defaultSek   the year's cost for an occupation without its own (null: none set)
 * @param byOccupation occupation → cost
 */
public record HourlyCosts(BigDecimal defaultSek, Map<String, BigDecimal> byOccupation) {
    public HourlyCosts {
        byOccupation = Map.copyOf(byOccupation);
    }

    public BigDecimal of(String occupation) {
        BigDecimal own = occupation == null ? null : byOccupation.get(occupation);
        return own != null ? own : defaultSek == null ? BigDecimal.ZERO : defaultSek;
    }

    /** The co-financing value of some hours, to the öre. */
    public BigDecimal value(BigDecimal hours, String occupation) {
        return hours.multiply(of(occupation)).setScale(2, RoundingMode.HALF_UP);
    }
}
