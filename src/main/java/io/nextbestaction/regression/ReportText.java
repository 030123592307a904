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
            out.append(c.passed() ? "PASS  " : "FAIL  ").append(c.name())
                    .append(c.origin() == RegressionCase.Origin.VERSION ? "  (the version's case)" : "").append('\n');
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

    /** What a candidate ruleset would change in the logged decisions. */
    public static String render(ReplayReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Replay of the last ").append(report.replayed()).append(" logged decisions with ruleset ")
                .append(report.rulesetVersion()).append('\n');
        out.append(report.changed()).append(" would change; the top offer changes in ").append(report.topOfferChanged()).append('\n');
        counts(out, "offers added", report.offersAdded());
        counts(out, "offers removed", report.offersRemoved());
        counts(out, "suppressions added", report.suppressionsAdded());
        counts(out, "suppressions removed", report.suppressionsRemoved());
        counts(out, "changed by segment", report.changedBySegment());
        for (ReplayReport.Change c : report.examples()) {
            out.append("  decision ").append(c.decisionId()).append(" (").append(c.segment()).append("): ")
                    .append(c.before()).append(" -> ").append(c.after()).append('\n');
        }
        return out.toString();
    }

    private static void counts(StringBuilder out, String title, Map<String, Integer> counts) {
        if (!counts.isEmpty()) {
            out.append(title).append(": ").append(counts.entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        }
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
