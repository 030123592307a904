package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nextbestaction.common.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The champion/challenger split: its share, deterministic, held-out accounts in neither arm, and no tie to the holdout. */
class ChallengerSplitTest {

    private static final int ACCOUNTS = 100_000;
    private static final ChallengerSplit.Challenger TWENTY_PERCENT = new ChallengerSplit.Challenger(1, "q3-seats", 20, null);

    private static DecisionRequest request(String accountId, int holdoutPercent) {
        try {
            return Json.mapper().readValue("{\"account\": {\"id\": \"" + accountId + "\"}, \"holdoutPercent\": " + holdoutPercent + "}",
                    DecisionRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldGiveTheChallengerItsShareOfTheAccountsNotHeldOut() {
        int heldOut = 0;
        int challenger = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            Optional<Arm> arm = TWENTY_PERCENT.armOf(request("acct-" + i, 10));
            if (arm.isEmpty()) {
                heldOut++;
            } else if (arm.get() == Arm.CHALLENGER) {
                challenger++;
            }
        }
        // 10 % held out, 20 % of the other 90 % challenger: 18,000 of 100,000. Three standard deviations of a binomial
        // count of 90,000 at 0.2 are 360.
        assertEquals(10_000, heldOut, 300);
        assertEquals(18_000, challenger, 360);
    }

    @Test
    void shouldPutAHeldOutAccountInNeitherArmAndTheOthersAlwaysInTheSameOne() {
        for (int i = 0; i < 10_000; i++) {
            String account = "acct-" + i;
            DecisionRequest request = request(account, 10);
            Optional<Arm> first = TWENTY_PERCENT.armOf(request);
            assertEquals(Holdout.isHeldOut(account, Holdout.DEFAULT_EXPERIMENT, 10), first.isEmpty(), account);
            for (int repeat = 0; repeat < 3; repeat++) {
                assertEquals(first, TWENTY_PERCENT.armOf(request(account, 10)), account);
            }
            assertEquals(Arm.of(account, "q3-seats", 20), TWENTY_PERCENT.armOf(request(account, 0)).orElseThrow(), account);
        }
    }

    @Test
    void shouldSplitIndependentlyOfTheHoldoutEvenUnderTheSameKey() {
        // Under the holdout's own key and percent buckets, the challenger's share is the same among the accounts the
        // holdout would keep and those it would hold out: the two hashes are not correlated.
        int[] challenger = new int[2];
        int[] accounts = new int[2];
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = "acct-" + i;
            int side = Holdout.isHeldOut(account, Holdout.DEFAULT_EXPERIMENT, 50) ? 1 : 0;
            accounts[side]++;
            if (Arm.of(account, Holdout.DEFAULT_EXPERIMENT, 50) == Arm.CHALLENGER) {
                challenger[side]++;
            }
        }
        double kept = (double) challenger[0] / accounts[0];
        double heldOut = (double) challenger[1] / accounts[1];
        // Each share has a standard deviation of about 0.0022; the difference stays well within 0.015.
        assertEquals(0.5, kept, 0.01);
        assertEquals(0.5, heldOut, 0.01);
        assertTrue(Math.abs(kept - heldOut) < 0.015, kept + " against " + heldOut);
    }

    @Test
    void shouldReshuffleTheAccountsUnderAnotherKey() {
        int differing = 0;
        for (int i = 0; i < 10_000; i++) {
            if (Arm.of("acct-" + i, "key-a", 50) != Arm.of("acct-" + i, "key-b", 50)) {
                differing++;
            }
        }
        assertEquals(5_000, differing, 200);
    }
}
