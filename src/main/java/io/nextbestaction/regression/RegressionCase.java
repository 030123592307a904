package io.nextbestaction.regression;

import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.rules.facts.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Given these facts, expect these offers": a /decide request, the contact history to assume, and the expected
 * ordered offers, suppressions (offer → guardrail codes that must appear) and holdout (null: not checked).
 *
 * @param source where the case is written: a JSON file, or a workbook, sheet and row
 * @param origin PINNED: a suite of the service (or of ./regress); VERSION: a case file stored with the ruleset version
 */
public record RegressionCase(String name, String source, List<HistoryEntry> history, DecisionRequest request,
                             List<String> expectedOffers, Map<String, Set<String>> expectedSuppressed, Boolean expectedHoldout,
                             Origin origin) {

    @Schema(name = "CaseOrigin", description = "PINNED: a suite of the service; VERSION: a case file stored with the version")
    public enum Origin { PINNED, VERSION }

    /** A contact with the account {@code daysAgo} days before the run. */
    public record HistoryEntry(String offerId, Outcome outcome, double daysAgo) {
    }
}
