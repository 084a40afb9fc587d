package se.kasam.survey.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import se.kasam.survey.rules.Pseudonym;

/** Checks the settings at startup (a threshold below 3, a short pseudonym key: the service does not start). */
@ApplicationScoped
public class SurveySettings {
    @Inject
    SurveyConfig config;

    void onStart(@Observes StartupEvent event) {
        check(config.minRespondents(), config.freeTextMinRespondents(), config.distributionMinRespondents());
        pseudonym();
    }

    static void check(int minRespondents, int freeTextMinRespondents, int distributionMinRespondents) {
        if (minRespondents < 3) {
            throw new IllegalStateException("kasam.survey.min-respondents is " + minRespondents + ": never below 3");
        }
        if (freeTextMinRespondents < minRespondents || distributionMinRespondents < minRespondents) {
            throw new IllegalStateException("the free-text and distribution thresholds must not be below kasam.survey.min-respondents");
        }
    }

    @Produces
    @Singleton
    Pseudonym pseudonym() {
        try {
            return new Pseudonym(config.pseudonymSecret());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kasam.survey.pseudonym-secret: " + e.getMessage(), e);
        }
    }
}
