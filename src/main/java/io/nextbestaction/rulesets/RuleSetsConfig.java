package io.nextbestaction.rulesets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nba.rulesets")
public interface RuleSetsConfig {

    /** The largest rule file an upload may hold, in bytes (a 10,000-row workbook is about 1 MB). */
    @WithDefault("8388608")
    long maxFileSize();

    /** How often each instance checks which version the newest activation names. */
    @WithDefault("1s")
    String syncInterval();
}
