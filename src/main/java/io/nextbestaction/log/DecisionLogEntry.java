package io.nextbestaction.log;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision as it goes into the log. {@code rankedOffers} is set only for a holdout decision, whose response offers
 * nothing but whose log keeps what it would have offered; otherwise the offers are taken from the response.
 * {@code segment} (empty when the request names none) and {@code experimentKey} (the holdout's) are kept apart for
 * the reports, as are the champion/challenger {@code experimentId} and {@code arm} (null when none runs or the account
 * is held out).
 */
public record DecisionLogEntry(UUID id, String requestId, String accountId, String segment, String experimentKey,
                               String rulesetVersion, Long experimentId, String arm,
                               String request, String rankedOffers, String response, boolean holdout, Instant decidedAt) {
}
