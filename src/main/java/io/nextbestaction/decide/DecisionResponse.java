package io.nextbestaction.decide;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer of POST /decide (see api.md). Field names are a contract: add, never rename. */
@Schema(name = "DecisionResponse", description = "The offers to make, in order, and the offers guardrails held back")
public record DecisionResponse(
        @Schema(description = "Names the decision in outcomes and in GET /decisions/{decisionId}",
                examples = "709e6bc6-47ef-4e7e-87b8-399412e25c45") String decisionId,
        @Schema(examples = "acc-42") String accountId,
        @Schema(description = "The ruleset version that decided, with the SHA-256 of its files",
                examples = "v1 (sha256:62770f8af01853c0)") String rulesetVersion,
        @Schema(description = "True when the account fell into the holdout group: no offers are made") boolean holdout,
        @Schema(description = "The champion/challenger experiment and the arm this decision fell on; absent when none runs"
                + " or the account is held out")
        @JsonInclude(JsonInclude.Include.NON_NULL) ExperimentView experiment,
        List<OfferView> offers,
        List<SuppressionView> suppressed,
        @Schema(implementation = String.class, format = "date-time", examples = "2026-11-23T20:43:00.329Z") Instant decidedAt) {

    @Schema(name = "DecisionExperiment", description = "The running experiment and the arm a decision fell on",
            examples = "{\"id\": 3, \"key\": \"q3-seat-thresholds\", \"arm\": \"CHALLENGER\"}")
    public record ExperimentView(long id, String key, Arm arm) {
    }

    @Schema(name = "Offer", description = "An offer to make, with the channel to use and the workbook rows that produced it")
    public record OfferView(int rank, String offerId,
                            @Schema(examples = "ADD_ON") String type,
                            @Schema(examples = "seats") String family,
                            @Schema(examples = "IN_APP") String channel,
                            @Schema(examples = "SELF_SERVE") String action,
                            @Schema(description = "The propensity the score uses: the row's, or what a learning row has learned (see reasons)")
                            double propensity,
                            double value, double score,
                            @Schema(description = "Why: the workbook row that proposed the offer, where a learned propensity comes from"
                                    + " (\"propensity 0.3102 = learned from 1,204 presentations (table prior 0.4)\"), and the score's factors")
                            List<String> reasons) {
    }

    /** One guardrail that keeps one offer back; {@code eligibleAgainAt} is null where no window decides it. */
    @Schema(name = "Suppression", description = "An offer a guardrail held back, with the reason and the rule")
    public record SuppressionView(String offerId,
                                  @Schema(examples = "DOWNGRADE_COOLDOWN") String guardrail,
                                  @Schema(examples = "daysSinceDowngrade = 20 < 60") String reason,
                                  @Schema(implementation = String.class, format = "date-time", examples = "2027-01-02T20:43:00Z",
                                          description = "When the offer becomes eligible again; null where no window decides it") Instant eligibleAgainAt,
                                  @Schema(examples = "guardrails.drl.xlsx › Guardrails row 16: Downgrade cooldown: 60 days after a downgrade") String rule) {
    }
}
