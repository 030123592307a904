package io.nextbestaction.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "nba.history")
public interface HistoryConfig {

    /** How far back stored contacts are read for caps and cooldowns, in days. */
    @WithDefault("365")
    int lookbackDays();

    /** The most decisions one history query reads for. */
    @WithDefault("500")
    int maxBatch();

    /** How long a history query waits for more concurrent decisions after the first (0ms: at once). */
    @WithDefault("1ms")
    Duration linger();

    /** The most decisions that may wait for a history query; more are answered 503 at once. */
    @WithDefault("2000")
    int maxQueued();
}
