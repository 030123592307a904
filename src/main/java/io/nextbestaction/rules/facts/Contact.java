package io.nextbestaction.rules.facts;

import java.time.Instant;

/** One stored contact with the account: an offer and what happened to it. {@code offerType} is null for an offer the catalog does not know. */
public record Contact(String offerId, OfferType offerType, Outcome outcome, Instant at) {
}
