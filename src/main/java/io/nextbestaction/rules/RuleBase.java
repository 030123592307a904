package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.Action;
import io.nextbestaction.rules.facts.Evaluation;
import io.nextbestaction.rules.facts.FromRule;
import io.nextbestaction.rules.facts.GuardrailHit;
import io.nextbestaction.rules.facts.Proposal;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A compiled rule base and where each of its rules comes from: runs the rules for one account at a time. */
final class RuleBase {

    private final KieBase kieBase;
    private final SessionPool sessions;
    private final Map<String, RowRef> rowsByKey;
    private final Map<Rule, RowRef> rowsByRule = new IdentityHashMap<>();

    RuleBase(KieBase kieBase, Map<String, RowRef> rowsByKey) {
        this.kieBase = kieBase;
        this.sessions = new SessionPool(kieBase);
        this.rowsByKey = Map.copyOf(rowsByKey);
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rowsByRule.put(rule, lookUp(rule));
            }
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    Findings evaluate(Account account) {
        Evaluation evaluation = new Evaluation();
        KieSession session = sessions.borrow();
        boolean clean = false;
        try {
            session.setGlobal("evaluation", evaluation);
            session.insert(account);
            session.fireAllRules();
            clean = true;
        } finally {
            session.setGlobal("evaluation", null);
            sessions.giveBack(session, clean);
        }
        List<ProposedOffer> proposals = evaluation.proposals().stream().map(this::proposed).toList();
        List<TriggeredGuardrail> guardrails = evaluation.guardrailHits().stream().map(this::triggered).toList();
        return new Findings(proposals, guardrails);
    }

    /** The row a rule's output came from; a rule without a known row is named by its package. */
    RowRef rowOf(FromRule output) {
        RowRef row = rowsByRule.get(output.rule());
        return row != null ? row : lookUp(output.rule());
    }

    private RowRef lookUp(Rule rule) {
        RowRef row = rowsByKey.get(RowRef.key(rule.getPackageName(), rule.getName()));
        return row != null ? row : new RowRef(rule.getPackageName(), null, 0, rule.getName());
    }

    private ProposedOffer proposed(Proposal p) {
        Action action = p.getAction() == null ? null : Action.named(p.getAction()).orElse(null);
        return new ProposedOffer(p.getOfferId(), p.getPropensity(), action, rowOf(p), p.getPriorPresentations(), p.isExplore());
    }

    private TriggeredGuardrail triggered(GuardrailHit hit) {
        return new TriggeredGuardrail(hit.getGuardrail(), hit.getTrigger(), hit.getOfferTypes(), rowOf(hit));
    }
}
