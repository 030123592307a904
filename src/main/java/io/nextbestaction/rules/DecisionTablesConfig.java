package io.nextbestaction.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

@ConfigMapping(prefix = "nba.decision-tables")
public interface DecisionTablesConfig {

    /** The folder of workbooks and DRL files compiled into the ruleset when the service starts. */
    @WithDefault("decision-tables")
    Path dir();
}
