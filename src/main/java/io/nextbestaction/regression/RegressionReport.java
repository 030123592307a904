package io.nextbestaction.regression;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The result of a suite against one ruleset: each case, the totals, and which rows and guardrails the cases reach. */
@Schema(name = "RegressionReport", description = "The regression suites against one version: each case, the totals, and coverage",
        examples = """
                {"rulesetVersion": "v2 (sha256:5be1c0a9d8e7f6a5)", "passed": 1, "failed": 0,
                 "cases": [{"name": "storage at exactly 85% gets the storage add-on", "source": "storage-at-85.test.json",
                            "origin": "VERSION", "passed": true,
                            "expectedOffers": ["plan-upgrade-business", "storage-addon-100gb"],
                            "actualOffers": ["plan-upgrade-business", "storage-addon-100gb"],
                            "missingSuppressions": {}, "actualSuppressions": {}, "expectedHoldout": false, "actualHoldout": false,
                            "firedRows": ["upsell.drl.xlsx › Upsell row 13: Business plan: usage high"]}],
                 "coverage": {"rows": [{"row": "upsell.drl.xlsx › Upsell row 13: Business plan: usage high", "cases": 1}],
                              "guardrails": {"FREQUENCY_CAP": 0}, "uncoveredRows": [], "uncoveredGuardrails": ["FREQUENCY_CAP"]}}""")
public record RegressionReport(String rulesetVersion, int passed, int failed, List<CaseResult> cases, Coverage coverage) {

    /** @param origin PINNED (the service's suite) or VERSION (a case file of the version, maybe replacing a pinned one) */
    @Schema(name = "RegressionCaseResult", description = "One case: expected against actual offers and suppressions, and the rows that fired")
    public record CaseResult(String name,
                             @Schema(description = "The file, or workbook, sheet and row, the case is written in") String source,
                             RegressionCase.Origin origin, boolean passed,
                             List<String> expectedOffers, List<String> actualOffers,
                             @Schema(description = "Per offer, the expected guardrail codes that did not suppress it") Map<String, List<String>> missingSuppressions,
                             Map<String, List<String>> actualSuppressions,
                             @Schema(description = "Null: not checked") Boolean expectedHoldout, boolean actualHoldout,
                             List<String> firedRows) {
    }

    /** How many cases exercised each decision row and each guardrail; the ones no case reaches are listed apart. */
    @Schema(name = "RegressionCoverage", description = "How many cases exercised each decision-table row and each guardrail")
    public record Coverage(List<RowCoverage> rows, Map<String, Integer> guardrails, List<String> uncoveredRows,
                           List<String> uncoveredGuardrails) {
    }

    @Schema(name = "RowCoverage")
    public record RowCoverage(String row, int cases) {
    }

    public boolean allPassed() {
        return failed == 0;
    }
}
