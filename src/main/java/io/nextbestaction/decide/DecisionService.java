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
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.ServingRuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One decision, end to end: history, rules, arbitration, holdout, and the log entry committed before the answer.
 * A repeated requestId gets the stored decision.
 */
@ApplicationScoped
public class DecisionService {

    private final ServingRuleSet servingRuleSet;
    private final OfferSelection offerSelection;
    private final ContactHistory contactHistory;
    private final DecisionLogWriter decisionLogWriter;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    /**
     * The rules and the counting run here, not on the history reader's or the log writer's thread. Daemon threads,
     * never shut down: decisions still drained from the log writer at shutdown complete here.
     */
    private final ExecutorService cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), new DaemonThreads());
    private final Counter decisionsShown;
    private final Counter decisionsHeldOut;
    private final Map<String, Counter> suppressionsByGuardrail = new ConcurrentHashMap<>();

    public DecisionService(ServingRuleSet servingRuleSet, OfferSelection offerSelection, ContactHistory contactHistory,
                           DecisionLogWriter decisionLogWriter, ObjectMapper json, MeterRegistry metrics) {
        this.servingRuleSet = servingRuleSet;
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
     * one commit for all concurrent decisions), and the rules run on a pool as large as the machine has cores.
     */
    public CompletionStage<String> decide(DecisionRequest request, String requestAsReceived) {
        RuleSet ruleSet = servingRuleSet.current().orElseThrow(() -> new ProblemException(503, "Rules not ready",
                "No ruleset is active yet; see /q/health/ready."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String accountId = request.account().id();
        return contactHistory.recentFor(accountId, now).thenComposeAsync(history -> {
            OfferSelection.Selection selection = offerSelection.select(ruleSet, request, history, now);
            boolean holdout = selection.holdout();
            UUID decisionId = DecisionIds.next(now.toEpochMilli());
            String response = write(new DecisionResponse(decisionId.toString(), accountId, ruleSet.version(), holdout,
                    selection.offers(), selection.suppressed(), now));
            DecisionLogEntry entry = new DecisionLogEntry(decisionId, request.requestId(), accountId,
                    ruleSet.version(), requestAsReceived, holdout ? write(selection.ranked()) : null, response, holdout,
                    now);
            // A retry of a logged requestId is answered with the logged response, and is not counted again.
            return decisionLogWriter.append(entry).thenApplyAsync(answer -> {
                if (answer.equals(response)) {
                    (holdout ? decisionsHeldOut : decisionsShown).increment();
                    selection.suppressed().forEach(s -> suppressionsByGuardrail.computeIfAbsent(s.guardrail(),
                            guardrail -> metrics.counter("nba.suppressions", "guardrail", guardrail)).increment());
                }
                return answer;
            }, cpu);
        }, cpu);
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "decision-rules-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a decision", e);
        }
    }
}
