package io.nextbestaction.regression;

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
public record SimulationRequest(List<@NotNull @Valid SimulatedContact> history) {

    public record SimulatedContact(@NotBlank @Size(max = 200) String offerId, @NotNull Outcome outcome, @NotNull Instant at) {
    }
}
