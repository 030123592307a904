package io.nextbestaction.regression;

import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.history.PastContact;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A decision from the log, with the contact history the account had when it was made. */
public record LoggedDecision(String decisionId, Instant decidedAt, DecisionRequest request, String segment,
                             List<String> offers, Set<String> suppressions, List<PastContact> history) {
}
