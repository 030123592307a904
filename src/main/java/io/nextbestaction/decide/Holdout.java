package io.nextbestaction.decide;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Deterministic holdout: the same account and experiment always land on the same side. */
public final class Holdout {

    public static final String DEFAULT_EXPERIMENT = "expansion-default";
    public static final int DEFAULT_PERCENT = 10;

    private Holdout() {
    }

    /** CRC32(UTF-8 of accountId + ":" + experimentKey) mod 100 < holdoutPercent. */
    public static boolean isHeldOut(String accountId, String experimentKey, int holdoutPercent) {
        CRC32 crc = new CRC32();
        crc.update((accountId + ":" + experimentKey).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < holdoutPercent;
    }
}
