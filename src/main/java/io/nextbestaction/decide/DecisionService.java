package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.log.DecisionIds;
import io.nextbestaction.log.DecisionLogEntry;
import io.nextbestaction.log.DecisionLogWriter;
import io.nextbestaction.rules.ActiveRuleSet;
import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One decision, end to end: history, rules, arbitration, holdout, and the log entry committed before the answer.
 * A repeated requestId gets the stored decision.
 */
@ApplicationScoped
public class DecisionService {

    private final ActiveRuleSet activeRuleSet;
    private final OfferSelection offerSelection;
    private final ContactHistory contactHistory;
    private final DecisionLogWriter decisionLogWriter;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    /** Looked up once: they are counted on the log writer's thread, which every decision waits for. */
    private final Counter decisionsShown;
    private final Counter decisionsHeldOut;
    private final Map<String, Counter> suppressionsByGuardrail = new ConcurrentHashMap<>();

    public DecisionService(ActiveRuleSet activeRuleSet, OfferSelection offerSelection, ContactHistory contactHistory,
                           DecisionLogWriter decisionLogWriter, ObjectMapper json, MeterRegistry metrics) {
        this.activeRuleSet = activeRuleSet;
        this.offerSelection = offerSelection;
        this.contactHistory = contactHistory;
        this.decisionLogWriter = decisionLogWriter;
        this.json = json;
        this.metrics = metrics;
        this.decisionsShown = metrics.counter("nba.decisions", "holdout", "false");
        this.decisionsHeldOut = metrics.counter("nba.decisions", "holdout", "true");
    }

    /**
     * Decides and logs; completes with the response as JSON (written once, for the log and the answer) after the
     * log entry is committed. Nothing here blocks: history is read and the log written by batchers (one query and
     * one commit for all concurrent decisions), and the rules run on the history reader's thread.
     */
    public CompletionStage<String> decide(DecisionRequest request, String requestAsReceived) {
        RuleSet ruleSet = activeRuleSet.current().orElseThrow(() -> new ProblemException(503, "Rules not ready",
                "No ruleset is active yet; see /q/health/ready."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String accountId = request.account().id();
        return contactHistory.recentFor(accountId, now).thenCompose(history -> {
            OfferSelection.Selection selection = offerSelection.select(ruleSet, request, history, now);
            boolean holdout = selection.holdout();
            UUID decisionId = DecisionIds.next(now.toEpochMilli());
            String response = write(new DecisionResponse(decisionId.toString(), accountId, ruleSet.version(), holdout,
                    selection.offers(), selection.suppressed(), now));
            DecisionLogEntry entry = new DecisionLogEntry(decisionId, request.requestId(), accountId,
                    ruleSet.version(), requestAsReceived, holdout ? write(selection.ranked()) : null, response, holdout,
                    now);
            // A retry of a logged requestId is answered with the logged response, and is not counted again.
            return decisionLogWriter.append(entry).thenApply(answer -> {
                if (answer.equals(response)) {
                    (holdout ? decisionsHeldOut : decisionsShown).increment();
                    selection.suppressed().forEach(s -> suppressionsByGuardrail.computeIfAbsent(s.guardrail(),
                            guardrail -> metrics.counter("nba.suppressions", "guardrail", guardrail)).increment());
                }
                return answer;
            });
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a decision", e);
        }
    }
}
