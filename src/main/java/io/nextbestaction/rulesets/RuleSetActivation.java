package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetInvalidException;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes a stored version, or rolls back to an older one: audited, and atomic for the decisions in flight. */
@ApplicationScoped
public class RuleSetActivation {

    private final RuleSetStore store;
    private final CompiledVersions compiled;
    private final ServingVersion serving;

    public RuleSetActivation(RuleSetStore store, CompiledVersions compiled, ServingVersion serving) {
        this.store = store;
        this.compiled = compiled;
        this.serving = serving;
    }

    public Activation activate(int version, String by) {
        RuleSetVersion target = store.find(version)
                .orElseThrow(() -> ProblemException.notFound("No ruleset version " + version + " is stored."));
        if (target.status == RuleSetVersion.Status.REJECTED) {
            throw new ProblemException(409, "Rejected version",
                    "Version " + version + " failed validation and can never serve; see GET /rulesets/" + version + ".");
        }
        RuleSet ruleSet;
        try {
            ruleSet = compiled.compiled(version);
        } catch (RuleSetInvalidException e) {
            throw new ProblemException(409, "Version does not compile", "Version " + version + " no longer compiles: " + e.getMessage());
        }
        Activation activation = store.recordActivation(serving.version(), version, by, false);
        serving.switchTo(version, ruleSet);
        return activation;
    }
}
