package io.nextbestaction.history;

import io.nextbestaction.rules.facts.Outcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One row of POST /contact-history: a contact made elsewhere (a CRM, an email tool). */
@Schema(name = "ContactRecord", description = "A contact made elsewhere (a CRM, an email tool)")
public record ContactRecord(
        @Schema(examples = "acc-42") @NotBlank @Size(max = 200) String accountId,
        @Schema(examples = "seat-pack-10") @NotBlank @Size(max = 200) String offerId,
        @NotNull Outcome outcome,
        @Schema(implementation = String.class, format = "date-time", examples = "2026-11-20T09:00:00Z",
                description = "When it happened; not in the future") @NotNull Instant at) {
}
