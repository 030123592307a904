package io.nextbestaction.regression;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as QA reads it in a terminal: one line per case, a diff per failure, coverage, and the totals. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(RegressionReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Ruleset ").append(report.rulesetVersion()).append(", ").append(report.cases().size()).append(" cases\n");
        for (RegressionReport.CaseResult c : report.cases()) {
            out.append(c.passed() ? "PASS  " : "FAIL  ").append(c.name()).append('\n');
            if (!c.passed()) {
                out.append(diff(c));
            }
        }
        RegressionReport.Coverage coverage = report.coverage();
        int rows = coverage.rows().size();
        int guardrails = coverage.guardrails().size();
        out.append("Coverage: ").append(rows - coverage.uncoveredRows().size()).append(" of ").append(rows)
                .append(" rows and ").append(guardrails - coverage.uncoveredGuardrails().size()).append(" of ").append(guardrails)
                .append(" guardrails reached\n");
        coverage.uncoveredRows().forEach(r -> out.append("  no case reaches ").append(r).append('\n'));
        coverage.uncoveredGuardrails().forEach(g -> out.append("  no case reaches guardrail ").append(g).append('\n'));
        out.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
        return out.toString();
    }

    /** Expected against actual for one failed case, with the rows that fired. */
    public static String diff(RegressionReport.CaseResult c) {
        StringBuilder out = new StringBuilder();
        out.append("      case         ").append(c.source()).append('\n');
        if (!c.expectedOffers().equals(c.actualOffers())) {
            out.append("      offers       expected ").append(c.expectedOffers()).append('\n');
            out.append("                   actual   ").append(c.actualOffers()).append('\n');
        }
        if (!c.missingSuppressions().isEmpty()) {
            out.append("      suppressions missing  ").append(codes(c.missingSuppressions())).append('\n');
            out.append("                   actual   ").append(codes(c.actualSuppressions())).append('\n');
        }
        if (c.expectedHoldout() != null && c.expectedHoldout() != c.actualHoldout()) {
            out.append("      holdout      expected ").append(c.expectedHoldout()).append(", actual ").append(c.actualHoldout()).append('\n');
        }
        out.append("      rows fired   ").append(c.firedRows().isEmpty() ? "none" : "").append('\n');
        c.firedRows().forEach(r -> out.append("                   ").append(r).append('\n'));
        return out.toString();
    }

    private static String codes(Map<String, List<String>> byOffer) {
        return byOffer.isEmpty() ? "none" : byOffer.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).collect(Collectors.joining("; "));
    }
}
