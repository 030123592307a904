package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import org.kie.api.runtime.StatelessKieSession;

/** The one gateway to the rule engine at decision time: one stateless session per request over one ruleset. */
@ApplicationScoped
public class RuleEngine {

    public Evaluation evaluate(RuleSet ruleSet, Account account) {
        Evaluation evaluation = new Evaluation(ctx -> ruleSet.rowOf(ctx.getRule().getPackageName(), ctx.getRule().getName()));
        StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
        session.setGlobal("evaluation", evaluation);
        session.execute(account);
        return evaluation;
    }
}
