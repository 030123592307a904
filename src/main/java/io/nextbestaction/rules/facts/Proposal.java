package io.nextbestaction.rules.facts;

import org.kie.api.definition.rule.Rule;

/** An offer proposed by one row of an offer table; the row's action columns complete it. */
public class Proposal implements FromRule {

    private final String offerId;
    private final Rule rule;
    private Double propensity;
    private String action;
    private Integer priorPresentations;
    private boolean explore;

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
    /** The Learn column: the table's propensity counts as this many presentations against what the offer learns. */
    public Integer getPriorPresentations() { return priorPresentations; }
    public void setPriorPresentations(int priorPresentations) { this.priorPresentations = priorPresentations; }
    public boolean isExplore() { return explore; }
    /** The Explore column: yes or no (the cells were checked before the rules were built). */
    public void setExplore(String explore) { this.explore = "yes".equalsIgnoreCase(explore.trim()); }
}
