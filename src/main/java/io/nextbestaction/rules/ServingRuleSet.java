package io.nextbestaction.rules;

import java.util.Optional;

/** The ruleset decisions use now. A decision takes it once and keeps that one version throughout. */
public interface ServingRuleSet {

    /** Empty until a version has been activated. */
    Optional<RuleSet> current();
}
