package io.nextbestaction.rules.facts;

import java.time.Instant;
import java.util.Map;

/**
 * Why a guardrail applies, and when it stops applying ({@code eligibleAgainAt}, null where no window decides it).
 * A trigger about particular offers (a dismissal) carries one trigger per offer in {@code byOffer}.
 */
public record Trigger(String reason, Instant eligibleAgainAt, Map<String, Trigger> byOffer) {

    public static Trigger of(String reason, Instant eligibleAgainAt) {
        return new Trigger(reason, eligibleAgainAt, null);
    }

    public static Trigger forOffers(Map<String, Trigger> byOffer) {
        return new Trigger(null, null, Map.copyOf(byOffer));
    }

    /** The trigger as it applies to one offer, or null if it does not apply to that offer. */
    public Trigger forOffer(String offerId) {
        return byOffer == null ? this : byOffer.get(offerId);
    }
}
