package io.nextbestaction.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Treated against held-out accounts of one experiment key: the accounts whose first decision under the key was made
 * from {@code from} to {@code to} (days, UTC, both included), converted when an ACCEPTED or PURCHASED contact came
 * within {@code window} after that decision; overall and per offer type of the conversion.
 *
 * @param asOf decisions made and contacts recorded before this time are counted (null: the rollup has not run yet)
 */
@Schema(name = "LiftReport", description = "Treated against held-out accounts of one experiment key, overall and per offer type")
public record LiftReport(String experimentKey, @Schema(implementation = String.class, format = "date", examples = "2026-12-01") LocalDate from, @Schema(implementation = String.class, format = "date", examples = "2026-12-01") LocalDate to,
                         @Schema(examples = "PT336H") String window, @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00Z") Instant asOf, Lift overall,
                         Map<String, Lift> byOfferType) {
}
