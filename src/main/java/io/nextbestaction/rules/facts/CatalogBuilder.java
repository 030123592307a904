package io.nextbestaction.rules.facts;

import io.nextbestaction.rules.RowRef;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects the rows of the catalog workbook through the {@code catalog} global when a ruleset is compiled. */
public class CatalogBuilder {

    private final Function<RuleContext, RowRef> rows;
    private final List<OfferEntry> offers = new ArrayList<>();
    private final List<PlacementEntry> placements = new ArrayList<>();

    public CatalogBuilder(Function<RuleContext, RowRef> rows) {
        this.rows = rows;
    }

    public OfferEntry offer(RuleContext drools, String offerId) {
        OfferEntry entry = new OfferEntry(offerId, rows.apply(drools));
        offers.add(entry);
        return entry;
    }

    public PlacementEntry placement(RuleContext drools, String placement) {
        PlacementEntry entry = new PlacementEntry(placement, rows.apply(drools));
        placements.add(entry);
        return entry;
    }

    public List<OfferEntry> offers() {
        return offers;
    }

    public List<PlacementEntry> placements() {
        return placements;
    }

    public static class OfferEntry {
        private final String offerId;
        private final RowRef source;
        private String type;
        private String family;
        private Double valueMonthly;
        private Double lever;

        OfferEntry(String offerId, RowRef source) {
            this.offerId = offerId;
            this.source = source;
        }

        public String getOfferId() { return offerId; }
        public RowRef getSource() { return source; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getFamily() { return family; }
        public void setFamily(String family) { this.family = family; }
        public Double getValueMonthly() { return valueMonthly; }
        public void setValueMonthly(double valueMonthly) { this.valueMonthly = valueMonthly; }
        public Double getLever() { return lever; }
        public void setLever(double lever) { this.lever = lever; }
    }

    public static class PlacementEntry {
        private final String placement;
        private final RowRef source;
        private Double weight;

        PlacementEntry(String placement, RowRef source) {
            this.placement = placement;
            this.source = source;
        }

        public String getPlacement() { return placement; }
        public RowRef getSource() { return source; }
        public Double getWeight() { return weight; }
        public void setWeight(double weight) { this.weight = weight; }
    }
}
