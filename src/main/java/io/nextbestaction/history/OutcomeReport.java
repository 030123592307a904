package io.nextbestaction.history;

import io.nextbestaction.rules.facts.Outcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The body of POST /decisions/{id}/outcomes; {@code at} defaults to now. */
@Schema(name = "OutcomeReport", description = "What happened to one offer of a decision")
public record OutcomeReport(
        @Schema(examples = "seat-pack-10") @NotBlank String offerId,
        @NotNull Outcome outcome,
        @Schema(implementation = String.class, format = "date-time", examples = "2026-11-23T10:00:00Z",
                description = "When it happened; now when absent") Instant at) {
}
