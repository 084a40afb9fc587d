package se.kasam.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's settings (application.properties, prefix kasam.survey). */
@ConfigMapping(prefix = "kasam.survey")
public interface SurveyConfig {

    /** Nothing is shown of fewer respondents than this; never below 3 (checked at startup). */
    @WithDefault("5")
    int minRespondents();

    /** Free text is shown only for groups of at least this many respondents. */
    @WithDefault("10")
    int freeTextMinRespondents();

    /** An item's answer distribution is shown only for groups of at least this many respondents. */
    @WithDefault("10")
    int distributionMinRespondents();

    /**
     * What may at best be learnt of a protected group's mean score, on the 0–1 scale of its range, from everything
     * shown together: an interval at least this wide.
     */
    @WithDefault("0.05")
    double protectionInterval();

    /**
     * The key of the pseudonym (HMAC-SHA256 of the employee number), from configuration or a Kubernetes Secret,
     * never from the survey database. At least 32 characters.
     */
    String pseudonymSecret();

    /** How often submitted responses are mixed into the response table (in batches of at least minRespondents). */
    @WithDefault("30s")
    String mixEvery();

    /** How often rounds are opened and closed at their times. */
    @WithDefault("30s")
    String scheduleEvery();
}
