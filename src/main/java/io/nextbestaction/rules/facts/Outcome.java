package io.nextbestaction.rules.facts;

/** What happened to an offer. PRESENTED counts toward frequency caps; DISMISSED rests the offer. */
public enum Outcome {
    PRESENTED, CLICKED, ACCEPTED, DISMISSED, PURCHASED
}
