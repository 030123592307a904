package io.nextbestaction.regression;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** How the last logged decisions would change under a candidate ruleset: in total, by offer and by segment. */
@Schema(name = "ReplayReport", description = "How the last logged decisions would change under a version: in total, by offer and by segment",
        examples = """
                {"rulesetVersion": "v2 (sha256:5be1c0a9d8e7f6a5)", "replayed": 1000, "changed": 37, "topOfferChanged": 21,
                 "offersAdded": {"plan-upgrade-business": 21}, "offersRemoved": {"storage-addon-100gb": 3},
                 "suppressionsAdded": {}, "suppressionsRemoved": {}, "changedBySegment": {"SMB": 30, "MID_MARKET": 7},
                 "examples": [{"decisionId": "709e6bc6-47ef-4e7e-87b8-399412e25c45", "segment": "SMB",
                               "before": ["storage-addon-100gb"], "after": ["plan-upgrade-business", "storage-addon-100gb"],
                               "suppressionsAdded": [], "suppressionsRemoved": []}]}""")
public record ReplayReport(String rulesetVersion, int replayed,
                           @Schema(description = "Decisions whose offers or suppressions would differ") int changed,
                           int topOfferChanged,
                           @Schema(description = "Per offer, in how many decisions it would be added") Map<String, Integer> offersAdded,
                           Map<String, Integer> offersRemoved,
                           @Schema(description = "Per suppression (offer: guardrail code), in how many decisions it would be added", examples = "{\"seat-pack-10: FREQUENCY_CAP\": 4}") Map<String, Integer> suppressionsAdded,
                           Map<String, Integer> suppressionsRemoved,
                           Map<String, Integer> changedBySegment, List<Change> examples) {

    /** One decision that would change. */
    @Schema(name = "ReplayChange", description = "One logged decision that would change: its offers before and after")
    public record Change(String decisionId, String segment, List<String> before, List<String> after,
                         List<String> suppressionsAdded, List<String> suppressionsRemoved) {
    }
}
