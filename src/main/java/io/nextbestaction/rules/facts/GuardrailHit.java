package io.nextbestaction.rules.facts;

import io.nextbestaction.rules.RowRef;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A guardrail row that applies to this account: which guardrail, why, and which offer types it suppresses. */
public class GuardrailHit {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private final String guardrail;
    private final Trigger trigger;
    private final RowRef source;
    private Set<OfferType> offerTypes = EnumSet.noneOf(OfferType.class);

    public GuardrailHit(String guardrail, Trigger trigger, RowRef source) {
        this.guardrail = guardrail;
        this.trigger = trigger;
        this.source = source;
    }

    /** Offer types as an analyst writes them: "UPSELL, CROSS_SELL, ADD_ON". */
    public void setOfferTypes(String types) {
        EnumSet<OfferType> parsed = EnumSet.noneOf(OfferType.class);
        Arrays.stream(SEPARATORS.split(types))
                .filter(t -> !t.isBlank())
                .forEach(t -> parsed.add(OfferType.valueOf(t.trim())));
        this.offerTypes = parsed;
    }

    public String getGuardrail() { return guardrail; }
    public Trigger getTrigger() { return trigger; }
    public RowRef getSource() { return source; }
    public Set<OfferType> getOfferTypes() { return offerTypes; }
}
