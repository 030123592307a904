package io.nextbestaction.rules;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The ruleset that serves. Swapped atomically; a decision takes it once and uses that one version throughout. */
@ApplicationScoped
public class ActiveRuleSet {

    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public Optional<RuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    public void activate(RuleSet ruleSet) {
        current.set(ruleSet);
    }
}
