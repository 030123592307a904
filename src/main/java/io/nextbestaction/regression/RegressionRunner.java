package io.nextbestaction.regression;

import io.nextbestaction.decide.DecisionResponse;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.history.PastContact;
import io.nextbestaction.rules.RowRef;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.facts.ServiceGuardrail;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Runs cases against a ruleset through the same decision path as the service, without a server or a database. */
@ApplicationScoped
public class RegressionRunner {

    private final OfferSelection selection;

    public RegressionRunner(OfferSelection selection) {
        this.selection = selection;
    }

    public RegressionReport run(RuleSet ruleSet, List<RegressionCase> cases) {
        Instant now = Instant.now();
        Map<RowRef, Integer> rowHits = new LinkedHashMap<>();
        ruleSet.decisionRows().forEach(row -> rowHits.put(row, 0));
        Map<String, Integer> guardrailHits = new TreeMap<>();
        ruleSet.guardrails().forEach(code -> guardrailHits.put(code, 0));
        for (ServiceGuardrail guardrail : ServiceGuardrail.values()) {
            guardrailHits.put(guardrail.name(), 0);
        }

        List<RegressionReport.CaseResult> results = new ArrayList<>();
        for (RegressionCase c : cases) {
            Run run = runCase(ruleSet, c, now);
            results.add(run.result());
            run.fired().forEach(row -> rowHits.merge(row, 1, Integer::sum));
            run.selection().suppressed().stream().map(DecisionResponse.SuppressionView::guardrail).distinct()
                    .forEach(code -> guardrailHits.merge(code, 1, Integer::sum));
        }
        int passed = (int) results.stream().filter(RegressionReport.CaseResult::passed).count();
        List<RegressionReport.RowCoverage> rows = rowHits.entrySet().stream()
                .map(e -> new RegressionReport.RowCoverage(e.getKey().toString(), e.getValue())).toList();
        RegressionReport.Coverage coverage = new RegressionReport.Coverage(rows, guardrailHits,
                rows.stream().filter(r -> r.cases() == 0).map(RegressionReport.RowCoverage::row).toList(),
                guardrailHits.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList());
        return new RegressionReport(ruleSet.version(), passed, results.size() - passed, results, coverage);
    }

    private record Run(RegressionReport.CaseResult result, OfferSelection.Selection selection, Set<RowRef> fired) {
    }

    private Run runCase(RuleSet ruleSet, RegressionCase c, Instant now) {
        List<PastContact> history = c.history().stream()
                .map(h -> new PastContact(h.offerId(), h.outcome(),
                        now.minus(Duration.ofSeconds(Math.round(h.daysAgo() * 86_400)))))
                .toList();
        OfferSelection.Selection s = selection.select(ruleSet, c.request(), history, now);
        List<String> actualOffers = s.offers().stream().map(DecisionResponse.OfferView::offerId).toList();
        Map<String, List<String>> actualSuppressed = new TreeMap<>();
        s.suppressed().forEach(x -> actualSuppressed.computeIfAbsent(x.offerId(), k -> new ArrayList<>()).add(x.guardrail()));
        Map<String, List<String>> missing = new TreeMap<>();
        c.expectedSuppressed().forEach((offer, codes) -> {
            List<String> actual = actualSuppressed.getOrDefault(offer, List.of());
            List<String> absent = codes.stream().filter(code -> !actual.contains(code)).toList();
            if (!absent.isEmpty()) {
                missing.put(offer, absent);
            }
        });
        boolean holdoutOk = c.expectedHoldout() == null || c.expectedHoldout() == s.holdout();
        boolean passed = actualOffers.equals(c.expectedOffers()) && missing.isEmpty() && holdoutOk;
        Set<RowRef> fired = s.findings().firedRows();
        return new Run(new RegressionReport.CaseResult(c.name(), c.source(), c.origin(), passed, c.expectedOffers(), actualOffers, missing,
                actualSuppressed, c.expectedHoldout(), s.holdout(), fired.stream().map(RowRef::toString).toList()), s, fired);
    }
}
