package io.nextbestaction.rulesets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one regression case's expectation differs between a version and its base, each taken as the gate runs it:
 * the pinned suite with the version's own cases (a version's case replaces the pinned case of the same name).
 *
 * @param before null when the case is ADDED
 * @param after  null when the case is REMOVED
 */
@Schema(name = "ExpectationChange", description = "How one regression case's expectation differs between a version and its base; "
        + "before is null for an ADDED case, after for a REMOVED one")
public record ExpectationChange(Kind change, Expectation before, Expectation after) {

    @Schema(name = "ExpectationChangeKind")
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * What a case expects: offers in order, suppressions (offer → guardrail codes), holdout (null: not checked).
     *
     * @param from   PINNED (the service's suite) or VERSION (a case file of the version)
     * @param source the file, or workbook, sheet and row, the case is written in
     */
    @Schema(name = "Expectation", description = "What a case expects: offers in order, suppressions (offer to guardrail codes), holdout")
    public record Expectation(List<String> offers, Map<String, Set<String>> suppressed,
                              @Schema(description = "Null: not checked") Boolean holdout,
                              @Schema(description = "PINNED (the service's suite) or VERSION (a case file of the version)", examples = "VERSION") String from,
                              @Schema(description = "The file, or workbook, sheet and row, the case is written in", examples = "storage-at-85.test.json") String source) {
    }
}
