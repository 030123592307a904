package io.nextbestaction.common.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "nba.database")
public interface DatabaseConfig {

    /**
     * How long a decision may wait for the database, its history read and its log commit together, before it is
     * answered 503 with Retry-After; also how long each statement of a batch may run before it is cancelled.
     */
    @WithDefault("2s")
    Duration deadline();
}
