package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.history.PastContact;
import io.nextbestaction.log.DecisionLog;
import io.nextbestaction.log.DecisionLogEntry;
import io.nextbestaction.log.DecisionLogWriter;
import io.nextbestaction.rules.ActiveRuleSet;
import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

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
    private final DecisionLogWriter decisionLogWriter;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public DecisionService(ActiveRuleSet activeRuleSet, OfferSelection offerSelection, ContactHistory contactHistory,
                           DecisionLog decisionLog, DecisionLogWriter decisionLogWriter, ObjectMapper json,
                           MeterRegistry metrics) {
        this.activeRuleSet = activeRuleSet;
        this.offerSelection = offerSelection;
        this.contactHistory = contactHistory;
        this.decisionLog = decisionLog;
        this.decisionLogWriter = decisionLogWriter;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Decides and logs; returns the response as JSON, written once for the log and the answer. Returns after the
     * log entry is committed (group commit: see {@link DecisionLogWriter}).
     */
    public String decide(DecisionRequest request, String requestAsReceived) {
        RuleSet ruleSet = activeRuleSet.current().orElseThrow(() -> new ProblemException(503, "Rules not ready",
                "No ruleset is active yet; see /q/health/ready."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String accountId = request.account().id();

        List<PastContact> history = contactHistory.recentFor(accountId, now);
        OfferSelection.Selection selection = offerSelection.select(ruleSet, request, history, now);
        boolean holdout = selection.holdout();

        UUID decisionId = UUID.randomUUID();
        String response = write(new DecisionResponse(decisionId.toString(), accountId, ruleSet.version(), holdout,
                selection.offers(), selection.suppressed(), now));
        DecisionLogEntry entry = new DecisionLogEntry(decisionId, request.requestId(), accountId, ruleSet.version(),
                requestAsReceived, holdout ? write(selection.ranked()) : null, response, holdout, now);
        if (!decisionLogWriter.append(entry)) {
            // The requestId was decided before (a retry, perhaps concurrent): answer as then, with the very text
            // logged. Checking after the insert spares every first request a lookup.
            return decisionLog.byRequestId(request.requestId()).orElseThrow().response;
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
}
