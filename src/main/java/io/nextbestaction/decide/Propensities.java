package io.nextbestaction.decide;

import io.nextbestaction.rules.ProposedOffer;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The propensity a decision uses for each proposed offer. A row without Learn, and every row when the view is
 * pinned ({@link #TABLE}), uses its table's value. A learning row's value is a prior, Beta(p·n, (1−p)·n) for the
 * table's propensity p and the row's strength n (its Learn cell, in presentations), updated by the offer's
 * presentations N and acceptances A in the account's segment: the decision uses the posterior mean
 * (p·n + A) / (n + N), or, where the row explores, a draw from Beta(p·n + A, (1−p)·n + N − A) seeded by the decision id
 * and the offer (Thompson sampling, the same draw whenever the decision is made again with the same counts).
 */
public final class Propensities {

    /** The tables' values only: regression cases, the "try it" simulation and, by default, replays. */
    public static final Propensities TABLE = new Propensities(LearnedCounts.NONE, "", null);

    /** A learned propensity is rounded to 4 decimals, so that the explanation states exactly what the score used. */
    private static final double ROUNDING = 1e4;

    private final LearnedCounts learned;
    private final String segment;
    private final UUID decisionId;

    private Propensities(LearnedCounts learned, String segment, UUID decisionId) {
        this.learned = learned;
        this.segment = segment;
        this.decisionId = decisionId;
    }

    /** The propensities of one decision: what was learned in the account's segment, or the tables' values when off. */
    public static Propensities forDecision(Optional<LearnedCounts> learned, DecisionRequest request, UUID decisionId) {
        if (learned.isEmpty()) {
            return TABLE;
        }
        DecisionRequest.Segment segment = request.account().segment();
        return new Propensities(learned.get(), segment == null ? "" : segment.name(), decisionId);
    }

    /** A propensity and, for a learning row, the sentence that explains it (null otherwise). */
    public record Estimate(double propensity, String explanation) {
    }

    public Estimate of(ProposedOffer proposal) {
        double prior = proposal.propensity();
        if (this == TABLE || proposal.learnStrength() == null) {
            return new Estimate(prior, null);
        }
        int strength = proposal.learnStrength();
        LearnedCounts.Counts counts = learned.of(proposal.offerId(), segment);
        double mean = mean(prior, strength, counts);
        String presentations = grouped(counts.presentations()) + (counts.presentations() == 1 ? " presentation" : " presentations");
        if (!proposal.explore()) {
            return new Estimate(mean, "propensity " + plain(mean) + " = learned from " + presentations
                    + " (table prior " + plain(prior) + ")");
        }
        double sampled = round(BetaSample.draw(prior * strength + counts.acceptances(),
                (1 - prior) * strength + counts.presentations() - counts.acceptances(), decisionId, proposal.offerId()));
        return new Estimate(sampled, "propensity " + plain(sampled) + " = sampled to explore, from what was learned from "
                + presentations + " (mean " + plain(mean) + ", table prior " + plain(prior) + ")");
    }

    /** The posterior mean, (p·n + A) / (n + N); exactly the table's value while nothing was presented. */
    static double mean(double prior, int strength, LearnedCounts.Counts counts) {
        if (counts.presentations() == 0) {
            return prior;
        }
        return round((prior * strength + counts.acceptances()) / (strength + counts.presentations()));
    }

    private static double round(double value) {
        return Math.round(value * ROUNDING) / ROUNDING;
    }

    /** As the score's factors are written (0.4, 0.3102), without an exponent for the smallest values. */
    private static String plain(double value) {
        return value == 0 || value >= 1e-3 ? Double.toString(value) : BigDecimal.valueOf(value).toPlainString();
    }

    /** 1204 as "1,204": String.format would cost more than the rest of the estimate. */
    private static String grouped(long count) {
        String digits = Long.toString(count);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
