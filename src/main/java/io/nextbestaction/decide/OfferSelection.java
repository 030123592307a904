package io.nextbestaction.decide;

import io.nextbestaction.history.PastContact;
import io.nextbestaction.rules.Findings;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.Contact;
import io.nextbestaction.rules.facts.Signal;
import io.nextbestaction.rules.facts.Usage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What a ruleset offers one account, given its request and contact history: rules, arbitration and holdout, with
 * no server and no database. The service, the regression runner and the benchmarks all decide through here.
 */
@ApplicationScoped
public class OfferSelection {

    /** The selection: ranked offers (also for a holdout), suppressions, holdout, and what the rules said. */
    public record Selection(List<DecisionResponse.OfferView> ranked, List<DecisionResponse.SuppressionView> suppressed,
                            boolean holdout, Findings findings) {

        /** What the account is shown: nothing when it is held out. */
        public List<DecisionResponse.OfferView> offers() {
            return holdout ? List.of() : ranked;
        }
    }

    /** With the tables' propensities only ({@link Propensities#TABLE}): regression cases, simulations, pinned replays. */
    public Selection select(RuleSet ruleSet, DecisionRequest request, List<PastContact> history, Instant now) {
        return select(ruleSet, request, history, now, Propensities.TABLE);
    }

    public Selection select(RuleSet ruleSet, DecisionRequest request, List<PastContact> history, Instant now,
                            Propensities propensities) {
        Findings findings = ruleSet.evaluate(toFacts(request, history, ruleSet.catalog(), now));
        Arbitration.Result result = Arbitration.rank(ruleSet.catalog(), findings, request, propensities);
        return new Selection(result.offers(), result.suppressed(), heldOut(request), findings);
    }

    /** Whether the request's account falls in its holdout: it depends on no ruleset. */
    public static boolean heldOut(DecisionRequest request) {
        return Holdout.isHeldOut(request.account().id(), experimentKey(request),
                request.holdoutPercent() == null ? Holdout.DEFAULT_PERCENT : request.holdoutPercent());
    }

    /** The experiment the request's holdout belongs to: its own key, or the default. */
    public static String experimentKey(DecisionRequest request) {
        return request.experimentKey() == null ? Holdout.DEFAULT_EXPERIMENT : request.experimentKey();
    }

    public static Account toFacts(DecisionRequest request, List<PastContact> history, OfferCatalog catalog, Instant now) {
        DecisionRequest.AccountData a = request.account();
        Account facts = new Account();
        facts.setId(a.id());
        facts.setSegment(a.segment() == null ? null : a.segment().name());
        facts.setPlan(a.plan());
        facts.setBillingCycle(a.billingCycle() == null ? null : a.billingCycle().name());
        facts.setMrr(a.mrr());
        facts.setTenureDays(a.tenureDays());
        if (a.seats() != null) {
            facts.setSeatsUsed(a.seats().used());
            facts.setSeatsLimit(a.seats().limit());
        }
        if (a.usage() != null) {
            Map<String, Usage> usage = new HashMap<>();
            a.usage().forEach((metric, u) -> usage.put(metric, new Usage(u.used(), u.limit())));
            facts.setUsage(usage);
        }
        facts.setProductsOwned(a.productsOwned() == null ? null : new HashSet<>(a.productsOwned()));
        facts.setFeaturesUsed(a.featuresUsed() == null ? null : new HashSet<>(a.featuresUsed()));
        facts.setActiveRoles(a.activeRoles());
        facts.setHealthScore(a.healthScore());
        facts.setOpenTickets(a.openTickets());
        facts.setDaysSinceLastTicket(a.daysSinceLastTicket());
        facts.setDaysSinceLastPurchase(a.daysSinceLastPurchase());
        facts.setDaysSinceDowngrade(a.daysSinceDowngrade());
        facts.setDaysToRenewal(a.daysToRenewal());
        facts.setAttributes(a.attributes());
        if (request.signals() != null) {
            facts.setSignals(request.signals().stream().map(s -> new Signal(s.type(), s.daysAgo())).toList());
        }
        facts.setContacts(history.stream()
                .map(c -> new Contact(c.offerId(), catalog.offer(c.offerId()).map(OfferCatalog.Offer::type).orElse(null),
                        c.outcome(), c.at()))
                .toList());
        facts.setNow(now);
        return facts;
    }
}
