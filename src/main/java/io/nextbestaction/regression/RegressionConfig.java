package io.nextbestaction.regression;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

@ConfigMapping(prefix = "nba.regression")
public interface RegressionConfig {

    /** The suites that gate activation and that POST /rulesets/{version}/regression runs. */
    @WithDefault("regression")
    Path suitesDir();

    /**
     * Whether the service may become ready with no pinned case (the suites folder missing or empty). Off, a missing
     * folder keeps it not ready: otherwise every activation would pass a gate that runs nothing.
     */
    @WithDefault("false")
    boolean allowNoSuites();
}
