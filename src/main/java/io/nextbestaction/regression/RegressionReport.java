package io.nextbestaction.regression;

import java.util.List;
import java.util.Map;

/** The result of a suite against one ruleset: each case, the totals, and which rows and guardrails the cases reach. */
public record RegressionReport(String rulesetVersion, int passed, int failed, List<CaseResult> cases, Coverage coverage) {

    /** @param origin PINNED (the service's suite) or VERSION (a case file of the version, maybe replacing a pinned one) */
    public record CaseResult(String name, String source, RegressionCase.Origin origin, boolean passed,
                             List<String> expectedOffers, List<String> actualOffers,
                             Map<String, List<String>> missingSuppressions, Map<String, List<String>> actualSuppressions,
                             Boolean expectedHoldout, boolean actualHoldout, List<String> firedRows) {
    }

    /** How many cases exercised each decision row and each guardrail; the ones no case reaches are listed apart. */
    public record Coverage(List<RowCoverage> rows, Map<String, Integer> guardrails, List<String> uncoveredRows,
                           List<String> uncoveredGuardrails) {
    }

    public record RowCoverage(String row, int cases) {
    }

    public boolean allPassed() {
        return failed == 0;
    }
}
