package io.nextbestaction.decide;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoldoutTest {

    private static final int ACCOUNTS = 10_000;

    @Test
    void zeroPercentNeverHoldsOut() {
        for (int i = 0; i < ACCOUNTS; i++) {
            assertFalse(Holdout.isHeldOut("acct-" + i, Holdout.DEFAULT_EXPERIMENT, 0), "acct-" + i);
        }
    }

    @Test
    void hundredPercentAlwaysHoldsOut() {
        for (int i = 0; i < ACCOUNTS; i++) {
            assertTrue(Holdout.isHeldOut("acct-" + i, Holdout.DEFAULT_EXPERIMENT, 100), "acct-" + i);
        }
    }

    @Test
    void sameAccountAndExperimentAlwaysLandOnTheSameSide() {
        // A customer must not flip between treatment and holdout from one request to the next.
        for (int i = 0; i < 1_000; i++) {
            String account = "acct-" + i;
            boolean first = Holdout.isHeldOut(account, "exp-a", 50);
            for (int repeat = 0; repeat < 5; repeat++) {
                assertEquals(first, Holdout.isHeldOut(account, "exp-a", 50), account);
            }
        }
    }

    @Test
    void anotherExperimentKeyReshufflesTheAccounts() {
        // Verified once by running: CRC32("acct-42:expansion-default") = 2988888250 (bucket 50),
        // CRC32("acct-42:pricing-test") = 3003336505 (bucket 5).
        assertFalse(Holdout.isHeldOut("acct-42", "expansion-default", 10));
        assertTrue(Holdout.isHeldOut("acct-42", "pricing-test", 10));

        // Over many accounts, two experiments must not pick the same holdout group.
        int differing = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = "acct-" + i;
            if (Holdout.isHeldOut(account, "exp-a", 50) != Holdout.isHeldOut(account, "exp-b", 50)) {
                differing++;
            }
        }
        assertTrue(differing > ACCOUNTS / 4, differing + " accounts changed side between experiments");
    }

    @Test
    void holdsOutRoughlyThePercentOfAccounts() {
        for (int percent : new int[] {5, 10, 50}) {
            int held = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                if (Holdout.isHeldOut("acct-" + i, Holdout.DEFAULT_EXPERIMENT, percent)) {
                    held++;
                }
            }
            // Binomial sd at 50 % is 50 accounts; 2 percentage points (200 accounts) is a wide, stable margin.
            int expected = ACCOUNTS * percent / 100;
            assertTrue(Math.abs(held - expected) <= ACCOUNTS / 50,
                    held + " of " + ACCOUNTS + " held out at " + percent + " %, expected about " + expected);
        }
    }

    @Test
    void bucketIsCrc32OfAccountColonExperimentModHundred() {
        // Literal verified once by running java.util.zip.CRC32 on "acct-42:expansion-default": 2988888250, bucket 50.
        CRC32 crc = new CRC32();
        crc.update("acct-42:expansion-default".getBytes(StandardCharsets.UTF_8));
        assertEquals(2_988_888_250L, crc.getValue());
        int bucket = (int) (crc.getValue() % 100);
        assertEquals(50, bucket);

        // Held out exactly when bucket < percent: the boundary sits between 50 and 51.
        assertFalse(Holdout.isHeldOut("acct-42", "expansion-default", 50));
        assertTrue(Holdout.isHeldOut("acct-42", "expansion-default", 51));
        // Second literal, also verified by running: CRC32("acct-1:expansion-default") = 4256496829, bucket 29.
        assertFalse(Holdout.isHeldOut("acct-1", "expansion-default", 29));
        assertTrue(Holdout.isHeldOut("acct-1", "expansion-default", 30));
    }
}
