package io.nextbestaction.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot serve, with every problem found. */
public class RuleSetInvalidException extends Exception {

    private final List<RuleSetProblem> problems;

    public RuleSetInvalidException(List<RuleSetProblem> problems) {
        super(problems.stream().map(RuleSetProblem::toString).collect(Collectors.joining("\n  ", "ruleset is invalid:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
