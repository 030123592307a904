package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Action;

/**
 * An offer a row proposes for the account. Propensity and action are null when the row (a DRL rule, say) did not
 * set them, or set an action that is not one.
 */
public record ProposedOffer(String offerId, Double propensity, Action action, RowRef row) {

    public boolean isComplete() {
        return propensity != null && action != null;
    }
}
