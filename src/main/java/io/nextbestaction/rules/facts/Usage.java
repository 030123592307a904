package io.nextbestaction.rules.facts;

/** How much of one metered limit the account uses. */
public record Usage(double used, Double limit) {

    /** used / limit; an absent or zero limit counts as 0 so that it never triggers an offer. */
    public double utilization() {
        return limit == null || limit <= 0 ? 0.0 : used / limit;
    }
}
