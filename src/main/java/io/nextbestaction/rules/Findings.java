package io.nextbestaction.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a ruleset says about one account: the offers its rows propose and the guardrails that apply. Immutable. */
public record Findings(List<ProposedOffer> proposals, List<TriggeredGuardrail> guardrails) {

    public Findings {
        proposals = List.copyOf(proposals);
        guardrails = List.copyOf(guardrails);
    }

    /** The rows that fired, proposals first, each once. */
    public Set<RowRef> firedRows() {
        Set<RowRef> rows = new LinkedHashSet<>();
        proposals.forEach(p -> rows.add(p.row()));
        guardrails.forEach(g -> rows.add(g.row()));
        return rows;
    }
}
