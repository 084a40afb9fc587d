package se.kasam.sickleave.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Map;

/** The service's settings (application.properties, prefix kasam.sickleave). */
@ConfigMapping(prefix = "kasam.sickleave")
public interface SickleaveConfig {

    /** The first month the statistics cover (yyyy-MM); facts are kept from it on. */
    @WithDefault("2018-01")
    String firstMonth();

    /** Figures for a group of this many employees or fewer are suppressed (the statute: ten). */
    @WithDefault("10")
    int suppressionThreshold();

    /**
     * What may at best be learnt of a protected group's rate from all the figures shown together: an interval at
     * least this wide (0.05: five percentage points).
     */
    @WithDefault("0.05")
    double protectionInterval();

    /** Spells starting within 12 months that raise a repeated-absence signal. */
    @WithDefault("6")
    int repeatedAbsenceThreshold();

    /** How long an individual spell is kept after it ended. */
    @WithDefault("P3Y")
    Period retention();

    /** When the retention job runs (Quartz-style cron, read by its @Scheduled). */
    @WithDefault("0 30 2 * * ?")
    String retentionCron();

    /** When everyone's facts and signals are recomputed (the new day's hours, open spells growing). */
    @WithDefault("0 15 2 * * ?")
    String nightlyCron();

    /**
     * The programme's periods for the comparison, by name, each "yyyy-MM/yyyy-MM" (first and last month); a request
     * may give its own.
     */
    Map<String, String> programmePeriods();
}
