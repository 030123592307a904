package io.nextbestaction.rules.facts;

/** An intent signal, such as a plan comparison, that arrived {@code daysAgo} days before the decision. */
public record Signal(String type, int daysAgo) {
}
