package io.nextbestaction.decide;

import java.time.Instant;
import java.util.Map;

/**
 * What the offers have learned, as an instance last loaded it: per offer and segment ('' for a request that named
 * none), the presentations and the acceptances among them. Immutable; the decision path reads it without a lock.
 *
 * @param refreshedAt when the counts were computed; null for none
 */
public record LearnedCounts(Map<String, Map<String, Counts>> byOfferAndSegment, Instant refreshedAt) {

    /** Nothing learned yet: every learning row serves its table's value. */
    public static final LearnedCounts NONE = new LearnedCounts(Map.of(), null);

    /** Presentations of one offer in one segment, and how many of them were accepted or purchased. */
    public record Counts(long presentations, long acceptances) {
        public static final Counts NONE = new Counts(0, 0);
    }

    public LearnedCounts {
        byOfferAndSegment = Map.copyOf(byOfferAndSegment);
    }

    public Counts of(String offerId, String segment) {
        Map<String, Counts> bySegment = byOfferAndSegment.get(offerId);
        Counts counts = bySegment == null ? null : bySegment.get(segment);
        return counts == null ? Counts.NONE : counts;
    }
}
