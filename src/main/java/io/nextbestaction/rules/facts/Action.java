package io.nextbestaction.rules.facts;

import java.util.Optional;

/** What an offer row asks for: the customer buys alone, or a person (sales, customer success) takes it on. */
public enum Action {
    SELF_SERVE(null), SALES_HANDOFF("SALES"), CS_TASK("CSM");

    private final String personChannel;

    Action(String personChannel) {
        this.personChannel = personChannel;
    }

    /** The channel of a people-led action; empty for a self-serve one, whose channel depends on the request. */
    public Optional<String> personChannel() {
        return Optional.ofNullable(personChannel);
    }

    /** The action a cell or a DRL rule names, or empty for a name that is not one. */
    public static Optional<Action> named(String name) {
        for (Action action : values()) {
            if (action.name().equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
