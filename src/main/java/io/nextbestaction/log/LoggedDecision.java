package io.nextbestaction.log;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A logged decision, as GET /decisions/{id} shows it: the request as received, what it offered (also what a holdout
 * would have been offered), what it suppressed, and the answer, with the ruleset version that produced it.
 */
public record LoggedDecision(String decisionId, String requestId, String accountId, String rulesetVersion,
                             boolean holdout, Instant createdAt, JsonNode request, JsonNode offers,
                             JsonNode suppressed, JsonNode response) {
}
