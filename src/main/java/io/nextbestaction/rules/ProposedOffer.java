package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Action;

/**
 * An offer a row proposes for the account. Propensity and action are null when the row (a DRL rule, say) did not
 * set them, or set an action that is not one.
 *
 * @param learnStrength the row's Learn cell: its propensity is a prior worth this many presentations, updated by the
 *                      offer's outcomes; null when the row does not learn
 * @param explore       the row's Explore cell: a learning row samples its propensity (Thompson) instead of taking the mean
 */
public record ProposedOffer(String offerId, Double propensity, Action action, RowRef row, Integer learnStrength,
                            boolean explore) {

    public boolean isComplete() {
        return propensity != null && action != null;
    }
}
