package io.nextbestaction.learning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "nba.learning")
public interface LearningConfig {

    /** Whether rows with a Learn cell learn; off, every row serves its table's propensity (as a pinned replay does). */
    @WithDefault("true")
    boolean enabled();

    /** How often the learned counts are computed (one instance at a time) and every instance loads them. */
    @WithDefault("30s")
    Duration refreshInterval();

    /** How many days of presentations count, today included; empty: all of them. */
    Optional<Integer> horizonDays();
}
