package io.nextbestaction.decide;

import io.nextbestaction.history.PastContact;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.facts.Account;

import java.time.Instant;
import java.util.List;

/**
 * Bench-only bridge (compiled from bench/ into target/bench-classes, never part of the service): lets the harness
 * build the rule facts with the service's own package-private {@code OfferSelection.toFacts}, so the engine-only
 * figures evaluate exactly the facts a real decision evaluates.
 */
public final class BenchFacts {

    private BenchFacts() {
    }

    public static Account toFacts(DecisionRequest request, List<PastContact> history, OfferCatalog catalog,
                                  Instant now) {
        return OfferSelection.toFacts(request, history, catalog, now);
    }
}
