package se.kasam.workshops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's settings (application.properties, prefix kasam.workshops). */
@ConfigMapping(prefix = "kasam.workshops")
public interface WorkshopsConfig {

    /** How module order is held: REFUSE a booking of module n+1 before n, or WARN and book it. */
    @WithDefault("REFUSE")
    ModuleOrderMode moduleOrder();

    /** The share of a workplace's staff that may be booked into overlapping sessions, where its unit sets none. */
    @WithDefault("30")
    int defaultAwayCapPercent();

    /** Progress figures are shown only for groups of at least this many employees. */
    @WithDefault("5")
    int minGroupSize();

    enum ModuleOrderMode { REFUSE, WARN }
}
