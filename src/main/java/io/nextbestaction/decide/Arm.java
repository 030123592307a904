package io.nextbestaction.decide;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The side of a champion/challenger experiment a decision falls on. Held-out accounts are on neither. */
public enum Arm {
    CHAMPION, CHALLENGER;

    /**
     * CHALLENGER when the first 8 bytes of SHA-256(UTF-8 of accountId + ":" + key), unsigned, mod 100 are below
     * sharePercent: the same account and key always land on the same side. Not the holdout's CRC32, so that which
     * accounts are held out says nothing about which arm the others are in, even under the same key.
     */
    public static Arm of(String accountId, String key, int sharePercent) {
        byte[] digest = sha256().digest((accountId + ":" + key).getBytes(StandardCharsets.UTF_8));
        long bucket = Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong(), 100);
        return bucket < sharePercent ? CHALLENGER : CHAMPION;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
