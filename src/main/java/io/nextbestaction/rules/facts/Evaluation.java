package io.nextbestaction.rules.facts;

import io.nextbestaction.rules.RowRef;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the rules said about one request, collected through the {@code evaluation} global: the offers the offer
 * tables propose and the guardrails that apply. Each entry remembers the row that produced it.
 */
public class Evaluation {

    private final Function<RuleContext, RowRef> rows;
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<GuardrailHit> guardrailHits = new ArrayList<>();

    public Evaluation(Function<RuleContext, RowRef> rows) {
        this.rows = rows;
    }

    public Proposal propose(RuleContext drools, String offerId) {
        Proposal proposal = new Proposal(offerId, rows.apply(drools));
        proposals.add(proposal);
        return proposal;
    }

    public GuardrailHit suppress(RuleContext drools, Trigger trigger, String guardrail) {
        GuardrailHit hit = new GuardrailHit(guardrail, trigger, rows.apply(drools));
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
