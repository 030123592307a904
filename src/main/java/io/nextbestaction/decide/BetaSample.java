package io.nextbestaction.decide;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A draw from a Beta distribution seeded by the decision and the offer, so that a decision replayed with the same
 * learned counts draws the same value: X / (X + Y) for X ~ Gamma(alpha), Y ~ Gamma(beta), each by Marsaglia and
 * Tsang's method ("A simple method for generating gamma variables", 2000).
 */
final class BetaSample {

    private BetaSample() {
    }

    static double draw(double alpha, double beta, UUID decisionId, String offerId) {
        if (alpha <= 0) {
            return 0;
        }
        if (beta <= 0) {
            return 1;
        }
        SplittableRandom random = new SplittableRandom(seed(decisionId, offerId));
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        return x + y > 0 ? x / (x + y) : alpha / (alpha + beta);
    }

    static long seed(UUID decisionId, String offerId) {
        return decisionId.getMostSignificantBits() * 31 + decisionId.getLeastSignificantBits() * 17 + offerId.hashCode();
    }

    /** Gamma(shape, 1); below shape 1, Gamma(shape + 1) × U^(1/shape). */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
