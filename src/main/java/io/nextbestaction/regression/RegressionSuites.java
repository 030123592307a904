package io.nextbestaction.regression;

import io.nextbestaction.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The suites the service holds (the folder nba.regression.suites-dir), run against stored versions. */
@ApplicationScoped
public class RegressionSuites {

    private final Path folder;
    private final RegressionRunner runner;

    public RegressionSuites(@ConfigProperty(name = "nba.regression.suites-dir") Path folder, RegressionRunner runner) {
        this.folder = folder;
        this.runner = runner;
    }

    public List<RegressionCase> cases() {
        return Files.isDirectory(folder) ? SuiteLoader.load(folder) : List.of();
    }

    public RegressionReport run(RuleSet ruleSet) {
        return runner.run(ruleSet, cases());
    }
}
