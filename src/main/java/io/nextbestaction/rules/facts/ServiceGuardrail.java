package io.nextbestaction.rules.facts;

/**
 * Guardrails the service applies itself, because no condition on the account can say them. Every other guardrail
 * code is whatever the guardrail workbook names in its rows.
 */
public enum ServiceGuardrail {
    /** The request and the account's consent leave the offer no channel. */
    NO_CHANNEL;

    public static boolean isReserved(String code) {
        for (ServiceGuardrail guardrail : values()) {
            if (guardrail.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
