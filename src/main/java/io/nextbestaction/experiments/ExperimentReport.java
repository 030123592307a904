package io.nextbestaction.experiments;

import io.nextbestaction.reports.Lift;
import io.nextbestaction.reports.Proportion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One experiment's arms side by side, from its logged decisions and the contacts that followed them, and the
 * challenger's conversion against the champion's.
 *
 * @param asOf decisions made and contacts recorded before this time are counted (the reports' rollup watermark; null: the
 *             rollup has not run yet)
 */
@Schema(name = "ExperimentReport", description = "An experiment with its arms compared: offers, conversion, lift and significance")
public record ExperimentReport(Experiment experiment,
                               @Schema(description = "How long after an account's first decision in the experiment a conversion counts",
                                       examples = "PT336H") String window,
                               @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00Z") Instant asOf,
                               ArmFigures champion, ArmFigures challenger, Comparison comparison) {

    /**
     * One arm: its decisions and accounts, the versions that decided them, the share of decisions that showed an offer,
     * the offers presented and how many of them were accepted or purchased, and the accounts that converted.
     */
    @Schema(name = "ExperimentArm", description = "One arm of an experiment: decisions, offers and conversion, rates with 95 % Wilson intervals")
    public record ArmFigures(long decisions, long accounts,
                             @Schema(description = "The ruleset versions that decided this arm's decisions",
                                     examples = "[\"v2 (sha256:0d4be5a4c3f2e1d0)\"]") List<String> rulesetVersions,
                             @Schema(description = "Decisions that showed at least one offer, per decision") Proportion offerRate,
                             @Schema(description = "(Decision, offer) pairs reported PRESENTED") long offersPresented,
                             @Schema(description = "Presented offers also reported ACCEPTED or PURCHASED, per presented offer") Proportion convertedPerPresented,
                             @Schema(description = "Accounts with an ACCEPTED or PURCHASED outcome or imported contact within the window"
                                     + " after their first decision in the experiment, per account") Proportion accountConversion) {
    }

    /** The challenger's account conversion minus the champion's, as /reports/lift compares treated and held out. */
    @Schema(name = "ExperimentComparison", description = "Challenger minus champion account conversion: lift with 95 % intervals, p-value, and a sentence")
    public record Comparison(@Schema(description = "Difference of the conversion rates; null without accounts in both arms") Lift.Estimate absolute,
                             @Schema(description = "Ratio of the conversion rates minus one; null while an arm has no conversion") Lift.Estimate relative,
                             @Schema(description = "Two-sided p-value of the pooled two-proportion z-test") Double pValue,
                             @Schema(description = "p < 0.05") boolean significant,
                             @Schema(examples = "not significant yet (p = 0.412): 1,204 challenger and 4,816 champion accounts;"
                                     + " the challenger converts 0.5 points more (95 % interval -1.2 to 2.2)") String verdict) {
    }
}
