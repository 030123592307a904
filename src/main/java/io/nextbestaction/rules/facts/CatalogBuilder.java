package io.nextbestaction.rules.facts;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;

/** Collects the rows of the catalog workbook through the {@code catalog} global when a ruleset is compiled. */
public class CatalogBuilder {

    private final List<OfferEntry> offers = new ArrayList<>();
    private final List<PlacementEntry> placements = new ArrayList<>();

    public OfferEntry offer(RuleContext drools, String offerId) {
        OfferEntry entry = new OfferEntry(offerId, drools.getRule());
        offers.add(entry);
        return entry;
    }

    public PlacementEntry placement(RuleContext drools, String placement) {
        PlacementEntry entry = new PlacementEntry(placement, drools.getRule());
        placements.add(entry);
        return entry;
    }

    public List<OfferEntry> offers() {
        return offers;
    }

    public List<PlacementEntry> placements() {
        return placements;
    }

    public static class OfferEntry implements FromRule {
        private final String offerId;
        private final Rule rule;
        private String type;
        private String family;
        private Double valueMonthly;
        private Double lever;

        OfferEntry(String offerId, Rule rule) {
            this.offerId = offerId;
            this.rule = rule;
        }

        @Override
        public Rule rule() { return rule; }
        public String getOfferId() { return offerId; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getFamily() { return family; }
        public void setFamily(String family) { this.family = family; }
        public Double getValueMonthly() { return valueMonthly; }
        public void setValueMonthly(double valueMonthly) { this.valueMonthly = valueMonthly; }
        public Double getLever() { return lever; }
        public void setLever(double lever) { this.lever = lever; }
    }

    public static class PlacementEntry implements FromRule {
        private final String placement;
        private final Rule rule;
        private Double weight;

        PlacementEntry(String placement, Rule rule) {
            this.placement = placement;
            this.rule = rule;
        }

        @Override
        public Rule rule() { return rule; }
        public String getPlacement() { return placement; }
        public Double getWeight() { return weight; }
        public void setWeight(double weight) { this.weight = weight; }
    }
}
