package io.nextbestaction.regression;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.nextbestaction.rules.facts.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * What POST /rulesets/{version}/simulate reads beside the /decide body: the account's contacts to decide with
 * instead of its stored ones (absent: the stored ones; an empty list: none), for a "what if it had dismissed this".
 */
@Schema(name = "SimulationHistory", description = "Beside the /decide body: the contacts to decide with instead of the stored ones")
public record SimulationRequest(List<@NotNull @Valid SimulatedContact> history) {

    @Schema(name = "SimulatedContact", description = "A contact to decide with, as if it were stored")
    public record SimulatedContact(@NotBlank @Size(max = 200) String offerId, @NotNull Outcome outcome,
                                   @NotNull @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00Z") Instant at) {
    }
}
