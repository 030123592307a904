package io.nextbestaction.history;

import java.time.Instant;

/** A stored contact as a decision reads it: which offer, what happened, when. */
public record PastContact(String offerId, String outcome, Instant at) {
}
