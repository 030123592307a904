package io.nextbestaction.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Offer performance over the days from {@code from} to {@code to} (both included, UTC), grouped one way.
 *
 * @param asOf decisions made and outcomes recorded before this time are counted (null: the rollup has not run yet)
 */
@Schema(name = "OfferReport", description = "Offer performance over a range of days, grouped one way")
public record OfferReport(@Schema(implementation = String.class, format = "date", examples = "2026-12-01") LocalDate from, @Schema(implementation = String.class, format = "date", examples = "2026-12-01") LocalDate to, GroupBy by,
                          @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00Z") Instant asOf, List<Group> groups) {

    /** What a report groups by; each is a column of offer_rollup. */
    public enum GroupBy {
        OFFER("offer_id"), RULE("rule"), SEGMENT("segment"), CHANNEL("channel"), VERSION("ruleset_version"), DAY("day::text");

        final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    /**
     * One group: the decisions that showed its offers, the (decision, offer) pairs with each outcome, and the rates
     * per presented offer with their 95 % intervals.
     *
     * @param conversion accepted or purchased, of the presented
     * @param dismissal  dismissed, of the presented
     */
    @Schema(name = "OfferReportGroup", description = "One group of an offer report: counts and rates per presented offer")
    public record Group(String key, long decisions, long presented, long clicked, long accepted, long purchased,
                        long dismissed, Proportion conversion, Proportion dismissal) {
    }
}
