package io.nextbestaction.rules.facts;

import io.nextbestaction.rules.OfferType;

import java.time.Instant;

/** One stored contact with the account: an offer and what happened to it. {@code offerType} is null for an offer the catalog does not know. */
public record Contact(String offerId, OfferType offerType, String outcome, Instant at) {
}
