package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Four-eyes: an analyst other than its author approves a version; with {@code nba.rulesets.require-approval} a
 * version is activated only once approved.
 */
@ApplicationScoped
public class Approvals {

    private final RuleSetStore store;
    private final RuleSetsConfig config;

    public Approvals(RuleSetStore store, RuleSetsConfig config) {
        this.store = store;
        this.config = config;
    }

    /** 404 for an unknown version, 409 for a rejected one, 403 for its author; a repeat finds the first approval. */
    public RuleSetStore.Recorded<Approval> approve(int version, String by, String comment) {
        RuleSetVersion stored = store.find(version)
                .orElseThrow(() -> ProblemException.notFound("No ruleset version " + version + " is stored."));
        if (stored.status == RuleSetVersion.Status.REJECTED) {
            throw new ProblemException(409, "Rejected version",
                    "Version " + version + " failed validation and can never serve; there is nothing to approve.");
        }
        if (stored.author.equals(by)) {
            throw new ProblemException(403, "Own version",
                    by + " is the author of version " + version + "; an analyst other than its author approves it.");
        }
        return store.recordApproval(version, by, comment);
    }

    /** When approval is required, refuses (409) a version no analyst has approved, naming who may approve it. */
    void requireFor(int version) {
        if (config.requireApproval() && store.approvalsOf(version).isEmpty()) {
            String author = store.find(version).map(v -> v.author).orElseThrow();
            throw new ProblemException(409, "Approval required", "Version " + version + " needs the approval of an analyst "
                    + "other than its author, " + author + ", before it can be activated (POST /rulesets/" + version + "/approve).");
        }
    }
}
