package io.nextbestaction.log;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One of an account's recent decisions, as a list shows it; the whole decision is GET /decisions/{id}. */
@Schema(name = "DecisionSummary", description = "A logged decision in brief: when, by which version, the offers answered and what guardrails held back")
public record DecisionSummary(@Schema(examples = "0193e0a4-6c1e-7d42-9a51-3f0c2b8e4d17") String decisionId,
                              @Schema(examples = "journey-42-step-3") String requestId,
                              @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00.125Z") Instant createdAt,
                              @Schema(examples = "v3 (sha256:62770f8af01853c0)") String rulesetVersion,
                              boolean holdout,
                              @Schema(description = "The offer ids answered, best first; none for a holdout decision", examples = "[\"seat-pack-10\"]")
                              List<String> offers,
                              @Schema(description = "The offers guardrails held back") List<Held> suppressed) {

    @Schema(name = "DecisionSummarySuppression", description = "An offer a guardrail held back")
    public record Held(@Schema(examples = "annual-switch") String offerId, @Schema(examples = "DOWNGRADE_COOLDOWN") String guardrail) {
    }
}
