package io.nextbestaction.rulesets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "nba.decision-tables")
public interface DecisionTablesConfig {

    /** The folder of workbooks and DRL files: version 1 on an empty database, and a drop box when watched. */
    @WithDefault("decision-tables")
    Path dir();

    /** Whether a saved change in the folder becomes a new version, activated if valid. */
    @WithDefault("true")
    boolean watch();

    /** How often the watched folder is checked for a saved change. */
    @WithDefault("2s")
    Duration watchInterval();
}
