package io.nextbestaction.rules.facts;

import org.kie.api.definition.rule.Rule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A guardrail row that applies to this account: which guardrail, why, and which offer types it suppresses. */
public class GuardrailHit implements FromRule {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private final String guardrail;
    private final Trigger trigger;
    private final Rule rule;
    private Set<OfferType> offerTypes = EnumSet.noneOf(OfferType.class);

    GuardrailHit(String guardrail, Trigger trigger, Rule rule) {
        this.guardrail = guardrail;
        this.trigger = trigger;
        this.rule = rule;
    }

    /** Offer types as an analyst writes them: "UPSELL, CROSS_SELL, ADD_ON". */
    public void setOfferTypes(String types) {
        EnumSet<OfferType> parsed = EnumSet.noneOf(OfferType.class);
        Arrays.stream(SEPARATORS.split(types))
                .filter(t -> !t.isBlank())
                .forEach(t -> parsed.add(OfferType.valueOf(t.trim())));
        this.offerTypes = parsed;
    }

    @Override
    public Rule rule() { return rule; }
    public String getGuardrail() { return guardrail; }
    public Trigger getTrigger() { return trigger; }
    public Set<OfferType> getOfferTypes() { return offerTypes; }
}
