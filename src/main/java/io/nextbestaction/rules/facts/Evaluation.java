package io.nextbestaction.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules write about one account, through the {@code evaluation} global the workbooks declare: the offers
 * the offer tables propose and the guardrails that apply, each with the rule that wrote it. The engine reads it
 * once the rules have run and hands out an immutable copy.
 */
public class Evaluation {

    private final List<Proposal> proposals = new ArrayList<>();
    private final List<GuardrailHit> guardrailHits = new ArrayList<>();

    public Proposal propose(RuleContext drools, String offerId) {
        Proposal proposal = new Proposal(offerId, drools.getRule());
        proposals.add(proposal);
        return proposal;
    }

    public GuardrailHit suppress(RuleContext drools, Trigger trigger, String guardrail) {
        GuardrailHit hit = new GuardrailHit(guardrail, trigger, drools.getRule());
        guardrailHits.add(hit);
        return hit;
    }

    public List<Proposal> proposals() {
        return proposals;
    }

    public List<GuardrailHit> guardrailHits() {
        return guardrailHits;
    }
}
