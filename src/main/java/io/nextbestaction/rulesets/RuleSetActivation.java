package io.nextbestaction.rulesets;

import io.nextbestaction.regression.RegressionReport;
import io.nextbestaction.regression.RegressionSuites;
import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a stored version, or rolls back to an older one: only if the regression suites pass (unless an admin
 * forces it), audited, and atomic for the decisions in flight.
 */
@ApplicationScoped
public class RuleSetActivation {

    private final RuleSetStore store;
    private final StoredVersions versions;
    private final ServingVersion serving;
    private final RegressionSuites suites;

    public RuleSetActivation(RuleSetStore store, StoredVersions versions, ServingVersion serving, RegressionSuites suites) {
        this.store = store;
        this.versions = versions;
        this.serving = serving;
        this.suites = suites;
    }

    /** Activates a version whose suites pass; {@code force} (an admin's) activates it even when cases fail. */
    public Activation activate(int version, String by, boolean force) {
        RuleSet ruleSet = versions.compiled(version);
        RegressionReport report = suites.run(ruleSet);
        if (!report.allPassed() && !force) {
            throw new RegressionFailedException(version, report);
        }
        Activation activation = store.recordActivation(serving.version(), version, by, force && !report.allPassed());
        serving.switchTo(version, ruleSet);
        return activation;
    }
}
