package io.nextbestaction.history;

import io.nextbestaction.rules.facts.Outcome;

import java.time.Instant;

/** A stored contact as a decision reads it: which offer, what happened, when. */
public record PastContact(String offerId, Outcome outcome, Instant at) {
}
