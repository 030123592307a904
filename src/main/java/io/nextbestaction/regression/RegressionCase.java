package io.nextbestaction.regression;

import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.rules.facts.Outcome;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Given these facts, expect these offers": a /decide request, the contact history to assume, and the expected
 * ordered offers, suppressions (offer → guardrail codes that must appear) and holdout (null: not checked).
 *
 * @param source where the case is written: a JSON file, or a workbook, sheet and row
 */
public record RegressionCase(String name, String source, List<HistoryEntry> history, DecisionRequest request,
                             List<String> expectedOffers, Map<String, Set<String>> expectedSuppressed, Boolean expectedHoldout) {

    /** A contact with the account {@code daysAgo} days before the run. */
    public record HistoryEntry(String offerId, Outcome outcome, double daysAgo) {
    }
}
