package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetInvalidException;
import jakarta.enterprise.context.ApplicationScoped;

/** A stored version, compiled, for the endpoints that evaluate one: 404 if unknown, 409 if it cannot serve. */
@ApplicationScoped
public class StoredVersions {

    private final RuleSetStore store;
    private final CompiledVersions compiled;

    public StoredVersions(RuleSetStore store, CompiledVersions compiled) {
        this.store = store;
        this.compiled = compiled;
    }

    public RuleSet compiled(int version) {
        RuleSetVersion stored = store.find(version)
                .orElseThrow(() -> ProblemException.notFound("No ruleset version " + version + " is stored."));
        if (stored.status == RuleSetVersion.Status.REJECTED) {
            throw new ProblemException(409, "Rejected version",
                    "Version " + version + " failed validation and can never serve; see GET /rulesets/" + version + ".");
        }
        try {
            return compiled.compiled(version);
        } catch (RuleSetInvalidException e) {
            throw new ProblemException(409, "Version does not compile", "Version " + version + " no longer compiles: " + e.getMessage());
        }
    }
}
