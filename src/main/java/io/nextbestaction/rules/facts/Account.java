package io.nextbestaction.rules.facts;


import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account facts the decision tables speak: what the request says, the facts derived from it, and the
 * stored contact history. A field absent from the request is null and never matches a condition.
 */
public class Account {

    private String id;
    private String segment;
    private String plan;
    private String billingCycle;
    private Double mrr;
    private Integer tenureDays;
    private Integer seatsUsed;
    private Integer seatsLimit;
    private Map<String, Usage> usage = Map.of();
    private Set<String> productsOwned = Set.of();
    private Set<String> featuresUsed = Set.of();
    private Integer activeRoles;
    private Integer healthScore;
    private Integer openTickets;
    private Integer daysSinceLastTicket;
    private Integer daysSinceLastPurchase;
    private Integer daysSinceDowngrade;
    private Integer daysToRenewal;
    private Map<String, Object> attributes = Map.of();
    private List<Signal> signals = List.of();
    private List<Contact> contacts = List.of();
    private Instant now = Instant.now();

    // Derived facts

    /** seats.used / seats.limit; an absent or zero limit counts as 0. */
    public double getSeatUtilization() {
        if (seatsUsed == null || seatsLimit == null || seatsLimit <= 0) {
            return 0.0;
        }
        return (double) seatsUsed / seatsLimit;
    }

    public double usageUtilization(String metric) {
        Usage u = usage.get(metric);
        return u == null ? 0.0 : u.utilization();
    }

    public double getMaxUsageUtilization() {
        return usage.values().stream().mapToDouble(Usage::utilization).max().orElse(0.0);
    }

    /** How many signals of this type arrived within the last {@code withinDays} days (inclusive). */
    public int signalCount(String type, int withinDays) {
        int count = 0;
        for (Signal s : signals) {
            if (s.type().equals(type) && s.daysAgo() <= withinDays) {
                count++;
            }
        }
        return count;
    }

    public boolean owns(String product) {
        return productsOwned.contains(product);
    }

    public boolean uses(String feature) {
        return featuresUsed.contains(feature);
    }

    public Object attribute(String name) {
        return attributes.get(name);
    }

    /** The most recent stored outcome for an offer, or null if none is stored. */
    public String lastOutcome(String offerId) {
        return contacts.stream()
                .filter(c -> c.offerId().equals(offerId))
                .max(Comparator.comparing(Contact::at))
                .map(c -> c.outcome().name())
                .orElse(null);
    }

    /** How many expansion offers were PRESENTED to the account within the last {@code days} days. */
    public int presentedExpansionOffers(int days) {
        return presentedExpansionWithin(days).size();
    }

    // Guardrail triggers: each returns why the guardrail applies, or null when it does not.

    public Trigger healthScoreBelow(int threshold) {
        if (healthScore == null || healthScore >= threshold) {
            return null;
        }
        return Trigger.of("healthScore = " + healthScore + " < " + threshold, null);
    }

    public Trigger openTicketsAbove(int threshold) {
        if (openTickets == null || openTickets <= threshold) {
            return null;
        }
        return Trigger.of("openTickets = " + openTickets + " > " + threshold, null);
    }

    /**
     * Any condition on the account as a guardrail trigger, so that a guardrail workbook can add a guardrail of its
     * own: a column {@code $trigger : when(plan == "$param", "plan is $param") != null} needs no code.
     */
    public Trigger when(boolean holds, String reason) {
        return holds ? Trigger.of(reason, null) : null;
    }

    public Trigger ticketWithinDays(int windowDays) {
        return cooldown("daysSinceLastTicket", daysSinceLastTicket, windowDays);
    }

    public Trigger downgradeWithinDays(int windowDays) {
        return cooldown("daysSinceDowngrade", daysSinceDowngrade, windowDays);
    }

    public Trigger purchaseWithinDays(int windowDays) {
        return cooldown("daysSinceLastPurchase", daysSinceLastPurchase, windowDays);
    }

    /** At least {@code atLeast} expansion offers PRESENTED in the last {@code windowDays} days (stored history). */
    public Trigger expansionOffersPresented(int atLeast, int windowDays) {
        List<Instant> presented = presentedExpansionWithin(windowDays);
        if (atLeast <= 0 || presented.size() < atLeast) {
            return null;
        }
        // The cap lifts when the atLeast-th most recent presentation leaves the window.
        Instant liftsAt = presented.get(atLeast - 1).plus(Duration.ofDays(windowDays));
        return Trigger.of(presented.size() + " expansion offers presented in the last " + windowDays
                + " days (cap " + atLeast + ")", liftsAt);
    }

    /** Offers DISMISSED by the account within the last {@code windowDays} days (stored history). */
    public Trigger offersDismissedWithinDays(int windowDays) {
        Instant since = now.minus(Duration.ofDays(windowDays));
        Map<String, Instant> lastDismissal = new HashMap<>();
        for (Contact c : contacts) {
            if (c.outcome() == Outcome.DISMISSED && !c.at().isBefore(since)) {
                lastDismissal.merge(c.offerId(), c.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (lastDismissal.isEmpty()) {
            return null;
        }
        Map<String, Trigger> byOffer = new HashMap<>();
        lastDismissal.forEach((offerId, at) -> byOffer.put(offerId, Trigger.of(
                offerId + " dismissed " + daysBefore(at) + " days ago; rests " + windowDays + " days",
                at.plus(Duration.ofDays(windowDays)))));
        return Trigger.forOffers(byOffer);
    }

    private Trigger cooldown(String field, Integer daysSince, int windowDays) {
        if (daysSince == null || daysSince >= windowDays) {
            return null;
        }
        return Trigger.of(field + " = " + daysSince + " < " + windowDays,
                now.plus(Duration.ofDays(windowDays - daysSince)).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Presentation times of expansion offers within the window, most recent first. */
    private List<Instant> presentedExpansionWithin(int days) {
        Instant since = now.minus(Duration.ofDays(days));
        return contacts.stream()
                .filter(c -> c.outcome() == Outcome.PRESENTED)
                .filter(c -> c.offerType() != null && c.offerType().isExpansion())
                .map(Contact::at)
                .filter(at -> !at.isBefore(since))
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    private long daysBefore(Instant at) {
        return Duration.between(at, now).toDays();
    }

    // JavaBean accessors

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getSegment() { return segment; }
    public void setSegment(String segment) { this.segment = segment; }
    public String getPlan() { return plan; }
    public void setPlan(String plan) { this.plan = plan; }
    public String getBillingCycle() { return billingCycle; }
    public void setBillingCycle(String billingCycle) { this.billingCycle = billingCycle; }
    public Double getMrr() { return mrr; }
    public void setMrr(Double mrr) { this.mrr = mrr; }
    public Integer getTenureDays() { return tenureDays; }
    public void setTenureDays(Integer tenureDays) { this.tenureDays = tenureDays; }
    public Integer getSeatsUsed() { return seatsUsed; }
    public void setSeatsUsed(Integer seatsUsed) { this.seatsUsed = seatsUsed; }
    public Integer getSeatsLimit() { return seatsLimit; }
    public void setSeatsLimit(Integer seatsLimit) { this.seatsLimit = seatsLimit; }
    public Map<String, Usage> getUsage() { return usage; }
    public void setUsage(Map<String, Usage> usage) { this.usage = usage == null ? Map.of() : usage; }
    public Set<String> getProductsOwned() { return productsOwned; }
    public void setProductsOwned(Set<String> productsOwned) { this.productsOwned = productsOwned == null ? Set.of() : productsOwned; }
    public Set<String> getFeaturesUsed() { return featuresUsed; }
    public void setFeaturesUsed(Set<String> featuresUsed) { this.featuresUsed = featuresUsed == null ? Set.of() : featuresUsed; }
    public Integer getActiveRoles() { return activeRoles; }
    public void setActiveRoles(Integer activeRoles) { this.activeRoles = activeRoles; }
    public Integer getHealthScore() { return healthScore; }
    public void setHealthScore(Integer healthScore) { this.healthScore = healthScore; }
    public Integer getOpenTickets() { return openTickets; }
    public void setOpenTickets(Integer openTickets) { this.openTickets = openTickets; }
    public Integer getDaysSinceLastTicket() { return daysSinceLastTicket; }
    public void setDaysSinceLastTicket(Integer daysSinceLastTicket) { this.daysSinceLastTicket = daysSinceLastTicket; }
    public Integer getDaysSinceLastPurchase() { return daysSinceLastPurchase; }
    public void setDaysSinceLastPurchase(Integer daysSinceLastPurchase) { this.daysSinceLastPurchase = daysSinceLastPurchase; }
    public Integer getDaysSinceDowngrade() { return daysSinceDowngrade; }
    public void setDaysSinceDowngrade(Integer daysSinceDowngrade) { this.daysSinceDowngrade = daysSinceDowngrade; }
    public Integer getDaysToRenewal() { return daysToRenewal; }
    public void setDaysToRenewal(Integer daysToRenewal) { this.daysToRenewal = daysToRenewal; }
    public Map<String, Object> getAttributes() { return attributes; }
    public void setAttributes(Map<String, Object> attributes) { this.attributes = attributes == null ? Map.of() : attributes; }
    public List<Signal> getSignals() { return signals; }
    public void setSignals(List<Signal> signals) { this.signals = signals == null ? List.of() : signals; }
    public List<Contact> getContacts() { return contacts; }
    public void setContacts(List<Contact> contacts) { this.contacts = contacts == null ? List.of() : contacts; }
    public Instant getNow() { return now; }
    public void setNow(Instant now) { this.now = now; }
}
