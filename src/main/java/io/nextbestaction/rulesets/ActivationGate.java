package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleSet;

/** What a version must pass before it serves; the regression suites implement it. */
public interface ActivationGate {

    /**
     * @param summary what failed, in a sentence, e.g. "2 of 18 regression cases fail"
     * @param report  the full report, answered with a refusal
     */
    record Verdict(boolean passed, String summary, Object report) {
    }

    Verdict check(RuleSet candidate);
}
