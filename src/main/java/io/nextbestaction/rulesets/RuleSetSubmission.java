package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.nextbestaction.rules.RuleSetProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a set of files and stores it as the next version: VALID, or REJECTED with its errors. Rule files are
 * compiled; case files must read, and their expectations are compared with those of the base version.
 */
@ApplicationScoped
public class RuleSetSubmission {

    public record Submitted(RuleSetVersion version, List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final RuleSetCompiler compiler;
    private final RuleSetStore store;
    private final RuleSetRegistry registry;
    private final ActivationGate gate;

    public RuleSetSubmission(RuleSetCompiler compiler, RuleSetStore store, RuleSetRegistry registry, ActivationGate gate) {
        this.compiler = compiler;
        this.store = store;
        this.registry = registry;
        this.gate = gate;
    }

    /** @param base the version these files are compared with, or null */
    public Submitted submit(List<RuleFile> files, Integer base, String author, String comment, RuleSetVersion.Source source) {
        RuleSet ruleSet = null;
        List<RuleSetProblem> errors = new ArrayList<>();
        List<RuleSetProblem> warnings = List.of();
        try {
            ruleSet = compiler.compile(files);
            warnings = ruleSet.warnings();
        } catch (RuleSetInvalidException e) {
            errors.addAll(e.problems());
        }
        List<RuleFile> cases = files.stream().filter(RuleFile::isCaseFile).toList();
        List<RuleSetProblem> caseProblems = gate.caseProblems(cases);
        errors.addAll(caseProblems);
        Map<String, ExpectationChange> changed = caseProblems.isEmpty()
                ? gate.expectationsChanged(store.caseFilesOf(base), cases) : Map.of();
        RuleSetVersion version = store.store(files, base, author, comment, source, errors, warnings, changed);
        if (ruleSet != null && errors.isEmpty()) {
            registry.remember(version.version, ruleSet);
        }
        return new Submitted(version, errors, warnings);
    }
}
