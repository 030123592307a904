package io.nextbestaction.decide;

import java.time.Instant;
import java.util.List;

/** The answer of POST /decide (see api.md). Field names are a contract: add, never rename. */
public record DecisionResponse(
        String decisionId,
        String accountId,
        String rulesetVersion,
        boolean holdout,
        List<OfferView> offers,
        List<SuppressionView> suppressed,
        Instant decidedAt) {

    public record OfferView(int rank, String offerId, String type, String family, String channel, String action,
                            double propensity, double value, double score, List<String> reasons) {
    }

    /** One guardrail that keeps one offer back; {@code eligibleAgainAt} is null where no window decides it. */
    public record SuppressionView(String offerId, String guardrail, String reason, Instant eligibleAgainAt, String rule) {
    }
}
