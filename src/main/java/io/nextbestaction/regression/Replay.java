package io.nextbestaction.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.decide.DecisionResponse;
import io.nextbestaction.decide.LearnedCounts;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.decide.Propensities;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.log.DecisionLog;
import io.nextbestaction.log.PastDecision;
import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Re-decides logged decisions with a candidate ruleset, at the time and with the history each was made with. */
@ApplicationScoped
public class Replay {

    /** A logged decision whose request cannot be read as a /decide request: 422 through the API, exit 2 for ./regress. */
    public static class UnreadableDecisionException extends ProblemException {
        public UnreadableDecisionException(String decisionId, String problem) {
            super(422, "Unreadable logged decision", "The logged decision " + decisionId + " cannot be replayed: " + problem);
        }
    }

    private static final int EXAMPLES = 20;

    private final OfferSelection selection;

    public Replay(OfferSelection selection) {
        this.selection = selection;
    }

    /**
     * Replays the newest {@code last} decisions of the log the connection reads, with the given learned counts (each
     * decision's exploring rows draw with its own id), or the tables' propensities when {@code learned} is empty.
     */
    public ReplayReport run(RuleSet candidate, Connection log, int last, Optional<LearnedCounts> learned) throws SQLException {
        List<PastDecision> decisions = DecisionLog.newest(log, last);
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        Map<String, Integer> suppressionsAdded = new TreeMap<>();
        Map<String, Integer> suppressionsRemoved = new TreeMap<>();
        Map<String, Integer> bySegment = new TreeMap<>();
        List<ReplayReport.Change> examples = new ArrayList<>();
        int changed = 0;
        int topChanged = 0;
        for (PastDecision logged : decisions) {
            DecisionRequest request = request(logged);
            OfferSelection.Selection now = selection.select(candidate, request,
                    ContactHistory.asOf(log, logged.accountId(), logged.decidedAt()), logged.decidedAt(),
                    Propensities.forDecision(learned, request, UUID.fromString(logged.decisionId())));
            List<String> after = now.ranked().stream().map(DecisionResponse.OfferView::offerId).toList();
            Set<String> before = new LinkedHashSet<>();
            logged.suppressed().forEach(s -> before.add(s.offerId() + ": " + s.guardrail()));
            Set<String> suppressions = new LinkedHashSet<>();
            now.suppressed().forEach(s -> suppressions.add(s.offerId() + ": " + s.guardrail()));
            List<String> newSuppressions = suppressions.stream().filter(s -> !before.contains(s)).toList();
            List<String> goneSuppressions = before.stream().filter(s -> !suppressions.contains(s)).toList();
            if (after.equals(logged.offers()) && newSuppressions.isEmpty() && goneSuppressions.isEmpty()) {
                continue;
            }
            changed++;
            String segment = request.account().segment() == null ? "(none)" : request.account().segment().name();
            bySegment.merge(segment, 1, Integer::sum);
            String topBefore = logged.offers().isEmpty() ? null : logged.offers().get(0);
            String topAfter = after.isEmpty() ? null : after.get(0);
            if (!Objects.equals(topBefore, topAfter)) {
                topChanged++;
            }
            after.stream().filter(o -> !logged.offers().contains(o)).forEach(o -> added.merge(o, 1, Integer::sum));
            logged.offers().stream().filter(o -> !after.contains(o)).forEach(o -> removed.merge(o, 1, Integer::sum));
            newSuppressions.forEach(s -> suppressionsAdded.merge(s, 1, Integer::sum));
            goneSuppressions.forEach(s -> suppressionsRemoved.merge(s, 1, Integer::sum));
            if (examples.size() < EXAMPLES) {
                examples.add(new ReplayReport.Change(logged.decisionId(), segment, logged.offers(), after,
                        newSuppressions, goneSuppressions));
            }
        }
        return new ReplayReport(candidate.version(), decisions.size(), changed, topChanged, added, removed,
                suppressionsAdded, suppressionsRemoved, bySegment, examples);
    }

    /** The request as the service read it when it decided: fields it does not know are ignored. */
    private static DecisionRequest request(PastDecision logged) {
        DecisionRequest request;
        try {
            request = Json.mapper().readValue(logged.request(), DecisionRequest.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableDecisionException(logged.decisionId(), Json.describe(e));
        }
        if (request == null || request.account() == null) {
            throw new UnreadableDecisionException(logged.decisionId(), "the request has no account");
        }
        return request;
    }
}
