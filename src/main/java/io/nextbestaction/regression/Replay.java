package io.nextbestaction.regression;

import io.nextbestaction.decide.DecisionResponse;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Re-decides logged decisions with a candidate ruleset, at the time and with the history each was made with. */
@ApplicationScoped
public class Replay {

    private static final int EXAMPLES = 20;

    private final OfferSelection selection;

    public Replay(OfferSelection selection) {
        this.selection = selection;
    }

    public ReplayReport run(RuleSet candidate, List<LoggedDecision> decisions) {
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        Map<String, Integer> suppressionsAdded = new TreeMap<>();
        Map<String, Integer> suppressionsRemoved = new TreeMap<>();
        Map<String, Integer> bySegment = new TreeMap<>();
        List<ReplayReport.Change> examples = new ArrayList<>();
        int changed = 0;
        int topChanged = 0;
        for (LoggedDecision logged : decisions) {
            OfferSelection.Selection now = selection.select(candidate, logged.request(), logged.history(), logged.decidedAt());
            List<String> after = now.ranked().stream().map(DecisionResponse.OfferView::offerId).toList();
            Set<String> suppressions = new LinkedHashSet<>();
            now.suppressed().forEach(s -> suppressions.add(s.offerId() + ": " + s.guardrail()));
            List<String> newSuppressions = suppressions.stream().filter(s -> !logged.suppressions().contains(s)).toList();
            List<String> goneSuppressions = logged.suppressions().stream().filter(s -> !suppressions.contains(s)).toList();
            if (after.equals(logged.offers()) && newSuppressions.isEmpty() && goneSuppressions.isEmpty()) {
                continue;
            }
            changed++;
            bySegment.merge(logged.segment(), 1, Integer::sum);
            String topBefore = logged.offers().isEmpty() ? null : logged.offers().get(0);
            String topAfter = after.isEmpty() ? null : after.get(0);
            if (!java.util.Objects.equals(topBefore, topAfter)) {
                topChanged++;
            }
            after.stream().filter(o -> !logged.offers().contains(o)).forEach(o -> added.merge(o, 1, Integer::sum));
            logged.offers().stream().filter(o -> !after.contains(o)).forEach(o -> removed.merge(o, 1, Integer::sum));
            newSuppressions.forEach(s -> suppressionsAdded.merge(s, 1, Integer::sum));
            goneSuppressions.forEach(s -> suppressionsRemoved.merge(s, 1, Integer::sum));
            if (examples.size() < EXAMPLES) {
                examples.add(new ReplayReport.Change(logged.decisionId(), logged.segment(), logged.offers(), after,
                        newSuppressions, goneSuppressions));
            }
        }
        return new ReplayReport(candidate.version(), decisions.size(), changed, topChanged, added, removed,
                suppressionsAdded, suppressionsRemoved, bySegment, examples);
    }
}
