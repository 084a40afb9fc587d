package se.kasam.survey.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;

/** A closed round's results for a unit subtree, from its protected publication. */
public record ReportView(UUID roundId, String roundName, String unit, String by, int minRespondents,
                         List<InstrumentReport> instruments) {

    public record InstrumentReport(String code, int version, List<MeasureInfo> measures, List<Group> groups) {
    }

    /**
     * @param kind  TOTAL, SUBSCALE or ITEM
     * @param index whether means are also given on 0–100
     */
    public record MeasureInfo(String key, String kind, double min, double max, boolean index) {
    }

    /**
     * One group of the breakdown.
     *
     * @param unit   the unit (null: the whole round)
     * @param kind   SUBTREE, OWN_STAFF or EVERYONE
     * @param group  ALL, FEMALE, MALE, UP_TO_29, FROM_30_TO_49 or FROM_50
     * @param reason why it is suppressed (then nothing else is given), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL) // a reason only where suppressed: an enum has no null in the schema
    public record Group(String unit, String kind, String group, Reason reason, Long respondents, List<Figure> figures) {
    }

    /**
     * @param indexMean    the mean on 0–100 of the measure's range, where the instrument defines an index
     * @param distribution how many gave each answer from the scale's lowest up (items, groups of the distribution
     *                     threshold or more)
     */
    public record Figure(String measure, long n, Double mean, Double sd, Double ciLow, Double ciHigh, Double indexMean,
                         List<Long> distribution) {
    }
}
