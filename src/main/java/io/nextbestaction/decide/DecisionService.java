package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.history.PastContact;
import io.nextbestaction.log.Decision;
import io.nextbestaction.log.DecisionLog;
import io.nextbestaction.rules.ActiveRuleSet;
import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One decision, end to end: history, rules, arbitration, holdout, and the log entry committed before the answer.
 * A repeated requestId gets the stored decision.
 */
@ApplicationScoped
public class DecisionService {

    private final ActiveRuleSet activeRuleSet;
    private final OfferSelection offerSelection;
    private final ContactHistory contactHistory;
    private final DecisionLog decisionLog;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public DecisionService(ActiveRuleSet activeRuleSet, OfferSelection offerSelection, ContactHistory contactHistory,
                           DecisionLog decisionLog, ObjectMapper json, MeterRegistry metrics) {
        this.activeRuleSet = activeRuleSet;
        this.offerSelection = offerSelection;
        this.contactHistory = contactHistory;
        this.decisionLog = decisionLog;
        this.json = json;
        this.metrics = metrics;
    }

    @Transactional
    public DecisionResponse decide(DecisionRequest request, String requestAsReceived) {
        RuleSet ruleSet = activeRuleSet.current().orElseThrow(() -> new ProblemException(503, "Rules not ready",
                "No ruleset is active yet; see /q/health/ready."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String accountId = request.account().id();

        List<PastContact> history = contactHistory.recentFor(accountId, now);
        OfferSelection.Selection selection = offerSelection.select(ruleSet, request, history, now);
        boolean holdout = selection.holdout();

        DecisionResponse response = new DecisionResponse(UUID.randomUUID().toString(), accountId, ruleSet.version(),
                holdout, selection.offers(), selection.suppressed(), now);
        Decision entry = new Decision();
        entry.id = UUID.fromString(response.decisionId());
        entry.requestId = request.requestId();
        entry.accountId = accountId;
        entry.rulesetVersion = ruleSet.version();
        entry.request = requestAsReceived;
        entry.offers = holdout ? write(selection.ranked()) : null;
        entry.response = write(response);
        entry.holdout = holdout;
        entry.createdAt = now;
        if (!decisionLog.append(entry)) {
            // The requestId was decided before (a retry, perhaps concurrent): answer as then. Checking after the
            // insert spares every first request a lookup.
            return read(decisionLog.byRequestId(request.requestId()).orElseThrow().response);
        }
        metrics.counter("nba.decisions", "holdout", String.valueOf(holdout)).increment();
        selection.suppressed().forEach(s -> metrics.counter("nba.suppressions", "guardrail", s.guardrail()).increment());
        return response;
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
