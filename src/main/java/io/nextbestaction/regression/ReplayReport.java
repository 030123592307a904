package io.nextbestaction.regression;

import java.util.List;
import java.util.Map;

/** How the last logged decisions would change under a candidate ruleset: in total, by offer and by segment. */
public record ReplayReport(String rulesetVersion, int replayed, int changed, int topOfferChanged,
                           Map<String, Integer> offersAdded, Map<String, Integer> offersRemoved,
                           Map<String, Integer> suppressionsAdded, Map<String, Integer> suppressionsRemoved,
                           Map<String, Integer> changedBySegment, List<Change> examples) {

    /** One decision that would change. */
    public record Change(String decisionId, String segment, List<String> before, List<String> after,
                         List<String> suppressionsAdded, List<String> suppressionsRemoved) {
    }
}
