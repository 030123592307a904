package io.nextbestaction.rulesets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "nba.rulesets")
public interface RuleSetsConfig {

    /** The largest rule file an upload may hold, in bytes (a 10,000-row workbook is about 1 MB). */
    @WithDefault("8388608")
    long maxFileSize();

    /** How often each instance checks which version the newest activation names. */
    @WithDefault("1s")
    Duration syncInterval();

    /**
     * The name this instance reports in its heartbeat ({@code GET /rulesets/instances}); by default its host name and
     * start time. Give each instance its own.
     */
    Optional<String> instanceName();

    /**
     * How long each instance compiles its serving version again after start, in the background, so that the first
     * upload does not wait for the JIT (see {@link CompilerWarmUp}); 0 turns it off.
     */
    @WithDefault("20s")
    Duration compilerWarmUp();

    /**
     * Four-eyes: a version serves only once an analyst other than its author approved it ({@code POST
     * /rulesets/{version}/approve}); the watched folder then stores versions without activating them.
     */
    @WithDefault("false")
    boolean requireApproval();
}
