package io.nextbestaction.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The keys of the HTTP front: the JSON body cap and the API key of the journey-tool endpoints. */
@ConfigMapping(prefix = "nba")
public interface HttpConfig {

    /** When set, /decide, /decisions and /contact-history need it in the X-API-Key header. */
    Optional<String> apiKey();

    Http http();

    interface Http {
        /** The largest JSON body accepted; ruleset uploads have their own per-file limit. */
        @WithDefault("1M")
        MemorySize maxJsonBodySize();
    }
}
