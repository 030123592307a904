package io.nextbestaction.common.security;

import io.nextbestaction.common.HttpConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API key opens the journey-tool endpoints only when given exactly, byte for byte. */
class ApiKeyTest {

    private static ApiKey configured(String key) {
        return new ApiKey(new HttpConfig() {
            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public Http http() {
                throw new UnsupportedOperationException();
            }
        }, null);
    }

    @Test
    void shouldAcceptOnlyTheConfiguredKeyExactly() {
        ApiKey apiKey = configured("s3cret-κλειδί");
        assertTrue(apiKey.accepts("s3cret-κλειδί"));
        assertFalse(apiKey.accepts(null));
        assertFalse(apiKey.accepts(""));
        assertFalse(apiKey.accepts("s3cret"), "a prefix");
        assertFalse(apiKey.accepts("s3cret-κλειδί-and-more"), "a longer key starting with it");
        assertFalse(apiKey.accepts("s3cret-κλειδΙ"), "one character off");
        assertFalse(apiKey.accepts("S3CRET-ΚΛΕΙΔΊ"), "another case");
    }

    @Test
    void shouldLetEveryRequestThroughWhenNoKeyIsConfigured() {
        assertTrue(configured(null).accepts(null));
        assertTrue(configured("  ").accepts("anything"));
    }
}
