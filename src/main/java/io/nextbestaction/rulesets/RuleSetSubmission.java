package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.nextbestaction.rules.RuleSetProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Validates a set of rule files and stores it as the next version: VALID, or REJECTED with its errors. */
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

    public RuleSetSubmission(RuleSetCompiler compiler, RuleSetStore store, RuleSetRegistry registry) {
        this.compiler = compiler;
        this.store = store;
        this.registry = registry;
    }

    public Submitted submit(List<RuleFile> files, String author, String comment, RuleSetVersion.Source source) {
        RuleSet ruleSet = null;
        List<RuleSetProblem> errors;
        List<RuleSetProblem> warnings;
        try {
            ruleSet = compiler.compile(files);
            errors = List.of();
            warnings = ruleSet.warnings();
        } catch (RuleSetInvalidException e) {
            errors = e.problems();
            warnings = List.of();
        }
        RuleSetVersion version = store.store(files, author, comment, source, errors, warnings);
        if (ruleSet != null) {
            registry.remember(version.version, ruleSet);
        }
        return new Submitted(version, errors, warnings);
    }
}
