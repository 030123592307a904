package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.OfferType;
import io.nextbestaction.rules.facts.Trigger;

import java.util.Set;

/** A guardrail row that applies to the account: its code, why it applies, and the offer types it suppresses. */
public record TriggeredGuardrail(String code, Trigger trigger, Set<OfferType> offerTypes, RowRef row) {

    public TriggeredGuardrail {
        offerTypes = Set.copyOf(offerTypes);
    }
}
