package io.nextbestaction.regression;

import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rulesets.ActivationGate;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The suites the service holds (the folder nba.regression.suites-dir), run against stored versions. */
@ApplicationScoped
public class RegressionSuites implements ActivationGate {

    private final Path folder;
    private final RegressionRunner runner;

    public RegressionSuites(RegressionConfig config, RegressionRunner runner) {
        this.folder = config.suitesDir();
        this.runner = runner;
    }

    public List<RegressionCase> cases() {
        return Files.isDirectory(folder) ? SuiteLoader.load(folder) : List.of();
    }

    public RegressionReport run(RuleSet ruleSet) {
        return runner.run(ruleSet, cases());
    }

    /** A version may serve when every case of the suites passes on it. */
    @Override
    public Verdict check(RuleSet candidate) {
        RegressionReport report = run(candidate);
        return new Verdict(report.allPassed(), report.failed() + " of " + report.cases().size() + " regression cases fail", report);
    }
}
