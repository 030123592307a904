package io.nextbestaction.rules.facts;

import org.kie.api.definition.rule.Rule;

/** An offer proposed by one row of an offer table; the row's action columns complete it. */
public class Proposal implements FromRule {

    private final String offerId;
    private final Rule rule;
    private Double propensity;
    private String action;

    Proposal(String offerId, Rule rule) {
        this.offerId = offerId;
        this.rule = rule;
    }

    @Override
    public Rule rule() { return rule; }
    public String getOfferId() { return offerId; }
    public Double getPropensity() { return propensity; }
    public void setPropensity(double propensity) { this.propensity = propensity; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
}
