package io.nextbestaction.rulesets;

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
public record ExpectationChange(Kind change, Expectation before, Expectation after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * What a case expects: offers in order, suppressions (offer → guardrail codes), holdout (null: not checked).
     *
     * @param from   PINNED (the service's suite) or VERSION (a case file of the version)
     * @param source the file, or workbook, sheet and row, the case is written in
     */
    public record Expectation(List<String> offers, Map<String, Set<String>> suppressed, Boolean holdout, String from,
                              String source) {
    }
}
