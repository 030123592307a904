package io.nextbestaction.log;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Decision ids: UUID version 7 (RFC 9562), the millisecond of the decision followed by random bits. Ids of later
 * decisions sort later, so the log's primary key grows at one end instead of touching a random page per insert.
 */
public final class DecisionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    public static UUID next(long epochMillis) {
        long random = RANDOM.nextLong();
        long high = (epochMillis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
