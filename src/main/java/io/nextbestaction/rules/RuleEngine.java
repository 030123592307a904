package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import org.kie.api.runtime.KieSession;

/** The one gateway to the rule engine at decision time: a pooled session per decision over one ruleset. */
@ApplicationScoped
public class RuleEngine {

    public Evaluation evaluate(RuleSet ruleSet, Account account) {
        Evaluation evaluation = new Evaluation(ctx -> ruleSet.rowOf(ctx.getRule().getPackageName(), ctx.getRule().getName()));
        KieSession session = ruleSet.sessions().borrow();
        boolean clean = false;
        try {
            session.setGlobal("evaluation", evaluation);
            session.insert(account);
            session.fireAllRules();
            clean = true;
        } finally {
            session.setGlobal("evaluation", null);
            ruleSet.sessions().giveBack(session, clean);
        }
        return evaluation;
    }
}
