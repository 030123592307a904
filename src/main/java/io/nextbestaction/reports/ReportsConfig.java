package io.nextbestaction.reports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "nba.reports")
public interface ReportsConfig {

    /** How often the offer rollup reads the new decisions and outcomes. */
    @WithDefault("10s")
    Duration refreshInterval();

    /**
     * How old a decision or an outcome must be before the rollup counts it: one still being committed then has its
     * time stamp but is not visible yet, and would be missed for good.
     */
    @WithDefault("30s")
    Duration settleTime();
}
