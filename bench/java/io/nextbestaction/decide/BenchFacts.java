package io.nextbestaction.decide;

import io.nextbestaction.history.ContactEvent;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.facts.Account;

import java.time.Instant;
import java.util.List;

/**
 * Bench-only bridge (compiled from bench/, never part of the service): lets the harness build the rule facts with
 * the service's own package-private {@code DecisionService.toFacts}, so the engine-only figures use exactly the
 * facts a real decision uses.
 */
public final class BenchFacts {

    private BenchFacts() {
    }

    public static Account toFacts(DecisionRequest request, List<ContactEvent> history, OfferCatalog catalog, Instant now) {
        return DecisionService.toFacts(request, history, catalog, now);
    }
}
