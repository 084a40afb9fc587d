package se.kasam.sickleave.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumMap;
import java.util.Map;
import se.kasam.platform.disclosure.Reason;

/**
 * The seven statutory key figures (SKR; Lag (2018:597) om kommunal bokföring och redovisning) of a group of
 * employees:
 * <ul>
 * <li>TOTAL: sick hours ÷ ordinary hours of everyone;</li>
 * <li>LONG_TERM_SHARE: hours in spells of 60 consecutive days or more ÷ all sick hours;</li>
 * <li>WOMEN, MEN, AGE_29_OR_YOUNGER, AGE_30_TO_49, AGE_50_OR_OLDER: each group's sick hours ÷ its ordinary hours.</li>
 * </ul>
 * Which of them may be shown is decided for the whole year's publication at once ({@link YearPublication}).
 */
public final class KeyFigures {
    public enum Key { TOTAL, LONG_TERM_SHARE, WOMEN, MEN, AGE_29_OR_YOUNGER, AGE_30_TO_49, AGE_50_OR_OLDER }

    /** A figure in percent, or null with the reason it is suppressed; {@code employees} is the group's head count. */
    /** percent is left out when suppressed, suppressed when not (an enum has no null in the API's schema). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(Key key, int employees, Double percent, Reason suppressed) {
    }

    private static final String FEMALE = "FEMALE";
    private static final String MALE = "MALE";

    private KeyFigures() {
    }

    /** Each figure's group's head count, contributors (with sick hours) and those with long-term hours. */
    public static PublishedFigures.Heads heads(Map<String, GroupTotals> byGender) {
        GroupTotals women = byGender.getOrDefault(FEMALE, GroupTotals.NONE);
        GroupTotals men = byGender.getOrDefault(MALE, GroupTotals.NONE);
        GroupTotals all = women.plus(men);
        Map<Key, int[]> heads = new EnumMap<>(Key.class);
        heads.put(Key.TOTAL, new int[]{all.heads(), all.sickHeads(), all.longHeads()});
        heads.put(Key.WOMEN, new int[]{women.heads(), women.sickHeads(), women.longHeads()});
        heads.put(Key.MEN, new int[]{men.heads(), men.sickHeads(), men.longHeads()});
        Key[] bands = {Key.AGE_29_OR_YOUNGER, Key.AGE_30_TO_49, Key.AGE_50_OR_OLDER};
        for (int b = 0; b < 3; b++) {
            heads.put(bands[b], new int[]{all.bandHeads()[b], all.bandSickHeads()[b], 0});
        }
        return new PublishedFigures.Heads(heads);
    }
}
