package io.nextbestaction.history;

import io.nextbestaction.rules.facts.Outcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** One row of POST /contact-history: a contact made elsewhere (a CRM, an email tool). */
public record ContactRecord(
        @NotBlank @Size(max = 200) String accountId,
        @NotBlank @Size(max = 200) String offerId,
        @NotNull Outcome outcome,
        @NotNull Instant at) {
}
