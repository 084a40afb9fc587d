package se.kasam.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import se.kasam.evaluation.rules.Indicator;

@ConfigMapping(prefix = "kasam.evaluation")
public interface EvaluationConfig {
    /** The programme's name on the report's title page. */
    @WithDefault("Kasam 2.0")
    String programmeName();

    Periods periods();

    /** Each section's timeout (its circuit breaker's too): the report is back within this and a little more. */
    @WithDefault("4000")
    long sectionTimeoutMs();

    /** The ESF application's aims, each with its indicator and target; measured against the report's figures. */
    List<Target> targets();

    /** Each period as first and last month, "yyyy-MM/yyyy-MM" (as sickleave-service takes them). */
    interface Periods {
        String before();

        String during();

        String after();
    }

    interface Target {
        /** The aim in the application's words (Swedish, as in the ESF final report). */
        String aim();

        Indicator indicator();

        Comparison comparison();

        double value();
    }

    enum Comparison { AT_LEAST, AT_MOST }
}
