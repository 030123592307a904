package io.nextbestaction.rules.facts;

import org.kie.api.definition.rule.Rule;

/** Something a rule wrote (a proposal, a guardrail hit, a catalog row): the engine traces it back to its row. */
public interface FromRule {
    Rule rule();
}
