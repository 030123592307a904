package io.nextbestaction.log;

import java.time.Instant;
import java.util.List;

/**
 * A logged decision as a replay reads it, thousands at a time: without the answer, the request as the JSON text
 * received, the offers it ranked (also for a holdout) and the guardrails that held offers back.
 */
public record PastDecision(String decisionId, Instant decidedAt, String accountId, String request,
                           List<String> offers, List<Suppression> suppressed) {

    public record Suppression(String offerId, String guardrail) {
    }
}
