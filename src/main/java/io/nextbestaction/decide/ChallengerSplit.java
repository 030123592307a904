package io.nextbestaction.decide;

import io.nextbestaction.rules.RuleSet;

import java.util.Optional;

/**
 * The champion/challenger experiment that runs now, as decisions see it: implemented where experiments are managed
 * (the experiments package), which this package does not know. A decision takes it once, with the serving ruleset.
 */
public interface ChallengerSplit {

    /** Empty when no experiment runs (or its challenger is not compiled on this instance yet). */
    Optional<Challenger> running();

    /** The running experiment: its id, the key of the split, the challenger's share in percent and its ruleset. */
    record Challenger(long experimentId, String key, int sharePercent, RuleSet ruleSet) {

        /** The arm of the request's account; none when it is held out (as today, by its own key and percent). */
        public Optional<Arm> armOf(DecisionRequest request) {
            return OfferSelection.heldOut(request) ? Optional.empty() : Optional.of(Arm.of(request.account().id(), key, sharePercent));
        }
    }
}
