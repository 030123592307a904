package io.nextbestaction.reports;

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
public record LiftReport(String experimentKey, LocalDate from, LocalDate to, String window, Instant asOf, Lift overall,
                         Map<String, Lift> byOfferType) {
}
