package io.nextbestaction.history;

import io.nextbestaction.rules.facts.Outcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** The body of POST /decisions/{id}/outcomes; {@code at} defaults to now. */
public record OutcomeReport(@NotBlank String offerId, @NotNull Outcome outcome, Instant at) {
}
