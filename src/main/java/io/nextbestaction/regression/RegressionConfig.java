package io.nextbestaction.regression;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

@ConfigMapping(prefix = "nba.regression")
public interface RegressionConfig {

    /** The suites that gate activation and that POST /rulesets/{version}/regression runs. */
    @WithDefault("regression")
    Path suitesDir();
}
