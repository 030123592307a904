package io.nextbestaction.rules.facts;

import io.nextbestaction.rules.RowRef;

/** A candidate offer proposed by one row of an offer table. */
public class Proposal {

    private final String offerId;
    private final RowRef source;
    private Double propensity;
    private String action;

    public Proposal(String offerId, RowRef source) {
        this.offerId = offerId;
        this.source = source;
    }

    public String getOfferId() { return offerId; }
    public RowRef getSource() { return source; }
    public Double getPropensity() { return propensity; }
    public void setPropensity(double propensity) { this.propensity = propensity; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
}
