package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.database.DatabaseConfig;
import io.nextbestaction.common.error.Problem;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One decision, end to end: history, rules, arbitration, holdout, and the log entry committed before the answer.
 * A repeated requestId gets the stored decision, if it comes with the same request.
 */
@ApplicationScoped
public class DecisionService {

    private final ServingRuleSet servingRuleSet;
    private final ChallengerSplit challengerSplit;
    private final OfferSelection offerSelection;
    private final LearnedPropensities learned;
    private final ContactHistory contactHistory;
    private final DecisionLogWriter decisionLogWriter;
    private final ObjectMapper json;
    /** JSON values as a retry is compared: numbers exact, a repeated key as the request was read (the last wins). */
    private final ObjectReader jsonValues;
    private final MeterRegistry metrics;
    private final long deadlineNanos;
    private final Counter decisionsShown;
    private final Counter decisionsHeldOut;
    private final Map<String, Counter> suppressionsByGuardrail = new ConcurrentHashMap<>();

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    public DecisionService(ServingRuleSet servingRuleSet, ChallengerSplit challengerSplit, OfferSelection offerSelection,
                           LearnedPropensities learned, ContactHistory contactHistory, DecisionLogWriter decisionLogWriter, ObjectMapper json,
                           MeterRegistry metrics, DatabaseConfig database) {
        this.servingRuleSet = servingRuleSet;
        this.challengerSplit = challengerSplit;
        this.offerSelection = offerSelection;
        this.learned = learned;
        this.contactHistory = contactHistory;
        this.decisionLogWriter = decisionLogWriter;
        this.json = json;
        this.jsonValues = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.metrics = metrics;
        this.deadlineNanos = database.deadline().toNanos();
        this.decisionsShown = decisions(metrics, false);
        this.decisionsHeldOut = decisions(metrics, true);
    }

    /**
     * Decides and logs; completes with the response as JSON (written once, for the log and the answer) after the
     * log entry is committed. Nothing here blocks: history is read and the log written by batchers (one query and
     * one commit for all concurrent decisions), whose results complete on the CPU pool: the rules and the counting run
     * there, not on the threads that talk to the database. If the history read and the commit do not both complete
     * within the deadline ({@code nba.database.deadline}), the decision fails with 503 and Retry-After.
     */
    public CompletionStage<String> decide(DecisionRequest request, String requestAsReceived) {
        RuleSet champion = servingRuleSet.current().orElseThrow(() -> ProblemException.unavailable("Rules not ready",
                "No ruleset is active yet; see /q/health/ready."));
        // The running experiment, taken once, decides the arm and the ruleset; a held-out account is in neither arm.
        Optional<ChallengerSplit.Challenger> challenger = challengerSplit.running();
        Arm arm = challenger.flatMap(c -> c.armOf(request)).orElse(null);
        RuleSet ruleSet = arm == Arm.CHALLENGER ? challenger.get().ruleSet() : champion;
        DecisionResponse.ExperimentView experiment = arm == null ? null
                : new DecisionResponse.ExperimentView(challenger.get().experimentId(), challenger.get().key(), arm);
        long deadline = System.nanoTime() + deadlineNanos;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String accountId = request.account().id();
        return contactHistory.recentFor(accountId, now, deadline).thenCompose(history -> {
            // The id comes first: an exploring row's draw is seeded by it.
            UUID decisionId = DecisionIds.next(now.toEpochMilli());
            OfferSelection.Selection selection = offerSelection.select(ruleSet, request, history, now,
                    Propensities.forDecision(learned.current(), request, decisionId));
            boolean holdout = selection.holdout();
            String response = write(new DecisionResponse(decisionId.toString(), accountId, ruleSet.version(), holdout,
                    experiment, selection.offers(), selection.suppressed(), now));
            String segment = request.account().segment() == null ? "" : request.account().segment().name();
            DecisionLogEntry entry = new DecisionLogEntry(decisionId, request.requestId(), accountId, segment,
                    OfferSelection.experimentKey(request), ruleSet.version(),
                    experiment == null ? null : experiment.id(), experiment == null ? null : experiment.arm().name(), requestAsReceived,
                    holdout ? write(selection.ranked()) : null, response, holdout, now);
            // A retry of a logged requestId is answered with the logged response, and is not counted again.
            return decisionLogWriter.append(entry, deadline).thenApply(logged -> {
                if (!logged.written()) {
                    checkSameRequest(request.requestId(), logged.request(), requestAsReceived);
                    return logged.response();
                }
                (holdout ? decisionsHeldOut : decisionsShown).increment();
                selection.suppressed().forEach(s -> suppressionsByGuardrail.computeIfAbsent(s.guardrail(),
                        guardrail -> Counter.builder("nba.suppressions")
                                .description("Offers a guardrail held back in logged decisions, by guardrail (a retry is not counted again)")
                                .tag("guardrail", guardrail).register(metrics)).increment());
                return response;
            });
        });
    }

    private static Counter decisions(MeterRegistry metrics, boolean holdout) {
        return Counter.builder("nba.decisions")
                .description("Decisions logged and answered, by whether the account fell in the holdout (a retry of a logged"
                        + " requestId is not counted again)")
                .tag("holdout", Boolean.toString(holdout)).register(metrics);
    }

    /**
     * A requestId is an idempotency key (the IETF Idempotency-Key draft): reused with another request it gets 422.
     * The same request is the same JSON value as the one logged (the log keeps it as received), compared only on a
     * retry, off the log writer's thread: a client that builds its JSON again to retry (another key order, spacing,
     * escapes, 100 or 100.0) sent the same request; a field the service ignores still counts, so whether a retry is
     * the same does not depend on what this version reads.
     */
    private void checkSameRequest(String requestId, String logged, String received) {
        try {
            if (logged.equals(received) || jsonValues.readTree(logged).equals(NUMBERS_BY_VALUE, jsonValues.readTree(received))) {
                return;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a logged request is not JSON", e);
        }
        throw new ProblemException(new Problem("about:blank", "requestId already used", 422,
                "requestId " + requestId + " was used before with another request; a retry must send the same request,"
                        + " another request needs another requestId.",
                List.of(new Problem.FieldError("requestId", "was used before with another request"))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a decision", e);
        }
    }
}
