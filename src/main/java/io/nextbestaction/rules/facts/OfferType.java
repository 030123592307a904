package io.nextbestaction.rules.facts;

public enum OfferType {
    UPSELL, CROSS_SELL, ADD_ON, ENABLEMENT;

    /** Expansion offers ask the customer to spend more; enablement teaches. Caps count only expansion offers. */
    public boolean isExpansion() {
        return this != ENABLEMENT;
    }
}
