package io.nextbestaction.log;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * A logged decision, as GET /decisions/{id} shows it: the request as received, what it offered (also what a holdout
 * would have been offered), what it suppressed, and the answer, with the ruleset version that produced it. The JSON
 * request and answer are described by their schemas, named here (not referred to as classes) because the log does not
 * depend on the decide package; an array's items cannot be named so, and are described as objects.
 */
@Schema(name = "LoggedDecision", description = "A logged decision: the request as received, what it offered and suppressed, and the answer as sent")
public record LoggedDecision(@Schema(examples = "709e6bc6-47ef-4e7e-87b8-399412e25c45") String decisionId,
                             @Schema(examples = "journey-42-step-3") String requestId,
                             @Schema(examples = "acc-42") String accountId,
                             @Schema(examples = "v1 (sha256:62770f8af01853c0)") String rulesetVersion,
                             boolean holdout,
                             @Schema(implementation = String.class, format = "date-time", examples = "2026-11-23T20:43:00.329Z") Instant createdAt,
                             @Schema(ref = "DecisionRequest") JsonNode request,
                             @Schema(type = SchemaType.ARRAY, implementation = Map.class,
                                     description = "The offers ranked, each an Offer as in the answer; for a holdout, what it would have offered")
                             JsonNode offers,
                             @Schema(type = SchemaType.ARRAY, implementation = Map.class, description = "Each a Suppression as in the answer")
                             JsonNode suppressed,
                             @Schema(ref = "DecisionResponse") JsonNode response) {
}
