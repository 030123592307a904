package io.nextbestaction.decide;

import java.util.Optional;

/**
 * Where the decision path reads what the offers have learned: a snapshot in memory, the same on every instance within
 * a refresh interval, so that a decision never waits for the database for it. Implemented by {@code learning}.
 */
public interface LearnedPropensities {

    /** The counts this instance serves; empty while learning is turned off (the tables' values serve). */
    Optional<LearnedCounts> current();
}
