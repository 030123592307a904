package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.OfferType;

import java.util.Map;
import java.util.Optional;

/** The offers a ruleset can make and how much each placement weighs, as the catalog workbook states them. */
public record OfferCatalog(Map<String, Offer> offers, Map<String, Double> placementWeights) {

    public record Offer(String id, OfferType type, String family, double valueMonthly, double lever, RowRef source) {
    }

    public OfferCatalog {
        offers = Map.copyOf(offers);
        placementWeights = Map.copyOf(placementWeights);
    }

    public Optional<Offer> offer(String offerId) {
        return Optional.ofNullable(offers.get(offerId));
    }

    /** An unknown or absent placement weighs 1.0. */
    public double weightOf(String placement) {
        return placement == null ? 1.0 : placementWeights.getOrDefault(placement, 1.0);
    }
}
