package io.nextbestaction.regression;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetProblem;
import io.nextbestaction.rulesets.ActivationGate;
import io.nextbestaction.rulesets.ExpectationChange;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The suites the service holds (the folder nba.regression.suites-dir, "pinned"), run against stored versions with
 * each version's own cases: a version's case replaces every pinned case of the same name (exact, case-sensitive),
 * in its place; the version's other cases run after the pinned ones.
 */
@ApplicationScoped
public class RegressionSuites implements ActivationGate {

    private final Path folder;
    private final RegressionRunner runner;

    public RegressionSuites(RegressionConfig config, RegressionRunner runner) {
        this.folder = config.suitesDir();
        this.runner = runner;
    }

    private List<RegressionCase> cases() {
        return Files.isDirectory(folder) ? SuiteLoader.load(folder) : List.of();
    }

    /** The cases run for a version with these case files: the pinned suite, overridden and extended by them. */
    public List<RegressionCase> casesWith(List<RuleFile> caseFiles) {
        Map<String, RegressionCase> own = new LinkedHashMap<>();
        SuiteLoader.load(caseFiles).forEach(c -> own.put(c.name(), c));
        List<RegressionCase> cases = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        for (RegressionCase pinned : cases()) {
            RegressionCase replacement = own.get(pinned.name());
            if (replacement == null) {
                cases.add(pinned);
            } else if (replaced.add(pinned.name())) {
                cases.add(replacement);
            }
        }
        own.values().stream().filter(c -> !replaced.contains(c.name())).forEach(cases::add);
        return cases;
    }

    public RegressionReport run(RuleSet ruleSet, List<RuleFile> caseFiles) {
        return runner.run(ruleSet, casesWith(caseFiles));
    }

    /** A version may serve when every case it runs passes on it. */
    @Override
    public Verdict check(RuleSet candidate, List<RuleFile> cases) {
        RegressionReport report = run(candidate, cases);
        return new Verdict(report.allPassed(), report.failed() + " of " + report.cases().size() + " regression cases fail", report);
    }

    /** Each file must read, name at least one case, and no name may be used twice among the version's cases. */
    @Override
    public List<RuleSetProblem> caseProblems(List<RuleFile> cases) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, String> fileOfName = new TreeMap<>();
        for (RuleFile file : cases) {
            try {
                List<RegressionCase> read = SuiteLoader.load(List.of(file));
                if (read.isEmpty()) {
                    problems.add(new RuleSetProblem(file.name(), null, null, "no case: a test sheet needs a header row starting with \"Case\""));
                }
                for (RegressionCase c : read) {
                    String first = fileOfName.putIfAbsent(c.name(), c.source());
                    if (first != null) {
                        problems.add(new RuleSetProblem(file.name(), null, null,
                                "the case \"" + c.name() + "\" (" + c.source() + ") is also written in " + first));
                    }
                }
            } catch (SuiteLoader.SuiteException e) {
                problems.add(new RuleSetProblem(e.file, e.sheet, null, (e.row == null ? "" : "row " + e.row + ": ") + e.detail));
            }
        }
        return problems;
    }

    /** Compares the cases run for each side by name; a base whose own cases do not read is taken as the pinned suite. */
    @Override
    public Map<String, ExpectationChange> expectationsChanged(List<RuleFile> base, List<RuleFile> candidate) {
        Map<String, ExpectationChange.Expectation> before = expectations(caseProblems(base).isEmpty() ? base : List.of());
        Map<String, ExpectationChange.Expectation> after = expectations(candidate);
        Map<String, ExpectationChange> changes = new TreeMap<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            ExpectationChange.Expectation b = before.get(name);
            ExpectationChange.Expectation a = after.get(name);
            if (b == null) {
                changes.put(name, new ExpectationChange(ExpectationChange.Kind.ADDED, null, a));
            } else if (a == null) {
                changes.put(name, new ExpectationChange(ExpectationChange.Kind.REMOVED, b, null));
            } else if (!b.offers().equals(a.offers()) || !b.suppressed().equals(a.suppressed()) || !Objects.equals(b.holdout(), a.holdout())) {
                changes.put(name, new ExpectationChange(ExpectationChange.Kind.CHANGED, b, a));
            }
        }
        return changes;
    }

    private Map<String, ExpectationChange.Expectation> expectations(List<RuleFile> caseFiles) {
        Map<String, ExpectationChange.Expectation> expectations = new LinkedHashMap<>();
        for (RegressionCase c : casesWith(caseFiles)) {
            expectations.putIfAbsent(c.name(), new ExpectationChange.Expectation(c.expectedOffers(), c.expectedSuppressed(),
                    c.expectedHoldout(), c.origin().name(), c.source()));
        }
        return expectations;
    }
}
