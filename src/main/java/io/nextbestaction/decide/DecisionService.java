package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.history.ContactEvent;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.log.Decision;
import io.nextbestaction.log.DecisionLog;
import io.nextbestaction.rules.ActiveRuleSet;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.RuleEngine;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.Contact;
import io.nextbestaction.rules.facts.Evaluation;
import io.nextbestaction.rules.facts.Signal;
import io.nextbestaction.rules.facts.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One decision, end to end: history, rules, arbitration, holdout, and the log entry committed before the answer. */
@ApplicationScoped
public class DecisionService {

    private final ActiveRuleSet activeRuleSet;
    private final RuleEngine ruleEngine;
    private final ContactHistory contactHistory;
    private final DecisionLog decisionLog;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public DecisionService(ActiveRuleSet activeRuleSet, RuleEngine ruleEngine, ContactHistory contactHistory,
                           DecisionLog decisionLog, ObjectMapper json, MeterRegistry metrics) {
        this.activeRuleSet = activeRuleSet;
        this.ruleEngine = ruleEngine;
        this.contactHistory = contactHistory;
        this.decisionLog = decisionLog;
        this.json = json;
        this.metrics = metrics;
    }

    @Transactional
    public DecisionResponse decide(DecisionRequest request, String requestAsReceived) {
        if (request.requestId() != null) {
            var stored = decisionLog.byRequestId(request.requestId());
            if (stored.isPresent()) {
                return read(stored.get().response);
            }
        }
        RuleSet ruleSet = activeRuleSet.current().orElseThrow(() -> new ProblemException(503, "Rules not ready",
                "No ruleset is active yet; see /q/health/ready."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String accountId = request.account().id();

        Account facts = toFacts(request, contactHistory.recentFor(accountId, now), ruleSet.catalog(), now);
        Evaluation evaluation = ruleEngine.evaluate(ruleSet, facts);
        Arbitration.Result result = Arbitration.rank(ruleSet.catalog(), evaluation, request);
        boolean holdout = Holdout.isHeldOut(accountId,
                request.experimentKey() == null ? Holdout.DEFAULT_EXPERIMENT : request.experimentKey(),
                request.holdoutPercent() == null ? Holdout.DEFAULT_PERCENT : request.holdoutPercent());

        DecisionResponse response = new DecisionResponse(UUID.randomUUID().toString(), accountId, ruleSet.version(),
                holdout, holdout ? List.of() : result.offers(), result.suppressed(), now);
        Decision entry = new Decision();
        entry.id = UUID.fromString(response.decisionId());
        entry.requestId = request.requestId();
        entry.accountId = accountId;
        entry.rulesetVersion = ruleSet.version();
        entry.request = requestAsReceived;
        entry.offers = write(result.offers());
        entry.suppressed = write(result.suppressed());
        entry.response = write(response);
        entry.holdout = holdout;
        entry.createdAt = now;
        if (!decisionLog.append(entry)) {
            // A concurrent request with the same requestId won; answer as it did.
            return read(decisionLog.byRequestId(request.requestId()).orElseThrow().response);
        }
        metrics.counter("nba.decisions", "holdout", String.valueOf(holdout)).increment();
        result.suppressed().forEach(s -> metrics.counter("nba.suppressions", "guardrail", s.guardrail()).increment());
        return response;
    }

    static Account toFacts(DecisionRequest request, List<ContactEvent> history, OfferCatalog catalog, Instant now) {
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
                .map(e -> new Contact(e.offerId, catalog.offer(e.offerId).map(OfferCatalog.Offer::type).orElse(null),
                        e.outcome.name(), e.at))
                .toList());
        facts.setNow(now);
        return facts;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a decision", e);
        }
    }

    private DecisionResponse read(String stored) {
        try {
            return json.readValue(stored, DecisionResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored decision", e);
        }
    }
}
