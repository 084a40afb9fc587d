package se.kasam.survey.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;

/** Baseline against follow-up for a unit subtree: paired (the same people, through the pseudonym) and unpaired. */
public record ComparisonView(UUID baselineId, String baselineName, UUID followUpId, String followUpName, String unit,
                             int minRespondents, List<InstrumentComparison> instruments) {

    public record InstrumentComparison(String code, List<MeasureComparison> measures) {
    }

    /** @param index whether the change is also given on 0–100 of the measure's range */
    public record MeasureComparison(String measure, double min, double max, boolean index, List<GroupComparison> groups) {
    }

    /**
     * @param group          ALL, FEMALE or MALE
     * @param pairedReason   why the paired figures are suppressed, or null
     * @param unpairedReason why the unpaired figures are suppressed (either round's group is), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL) // a reason only where suppressed: an enum has no null in the schema
    public record GroupComparison(String group, Reason pairedReason, Paired paired, Reason unpairedReason, Unpaired unpaired) {
    }

    /**
     * The change over the people who answered both rounds (follow-up less baseline).
     *
     * @param indexChange the mean difference on 0–100 of the measure's range, where an index is defined
     */
    public record Paired(long n, double meanDifference, Double indexChange, Double sdDifference, Double ciLow, Double ciHigh,
                         Double t, Double df, Double pValue, Double wilcoxonW, Double wilcoxonPValue, Double dz, Double gz,
                         Double dav, Double gav) {
    }

    /** Each round's respondents as they were: Welch's test, approximate where the rounds share people. */
    public record Unpaired(long baselineN, double baselineMean, long followUpN, double followUpMean, double meanDifference,
                           Double ciLow, Double ciHigh, Double t, Double df, Double pValue, Double dav, Double gav) {
    }
}
