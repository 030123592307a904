package io.nextbestaction.log;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "nba.decision-log")
public interface DecisionLogConfig {

    /** The most decisions one log commit writes. */
    @WithDefault("500")
    int maxBatch();

    /** How long a log commit waits for more concurrent decisions after the first (0ms: at once). */
    @WithDefault("1ms")
    Duration linger();

    /** The most decisions that may wait for a log commit; more are answered 503 at once. */
    @WithDefault("2000")
    int maxQueued();
}
