package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetProblem;

import java.util.List;
import java.util.Map;

/**
 * What a version must pass before it serves; the regression suites implement it. A version's case files
 * ({@link RuleFile#isCaseFile()}) run with the gate's own cases, so the gate also reads and compares them.
 */
public interface ActivationGate {

    /**
     * @param summary what failed, in a sentence, e.g. "2 of 18 regression cases fail"
     * @param report  the full report, answered with a refusal
     */
    record Verdict(boolean passed, String summary, Object report) {
    }

    /** Runs the gate's cases and the version's own {@code cases} against the candidate. */
    Verdict check(RuleSet candidate, List<RuleFile> cases);

    /** What keeps a version's case files from being read, by file (and sheet and row); empty when they all read. */
    List<RuleSetProblem> caseProblems(List<RuleFile> cases);

    /** Per case name, how the cases run for {@code candidate} expect differently from those run for {@code base}. */
    Map<String, ExpectationChange> expectationsChanged(List<RuleFile> base, List<RuleFile> candidate);
}
