package io.nextbestaction.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
/**
 * A rate with its 95 % Wilson score interval, which stays inside [0, 1] and is honest for small counts and rates
 * near 0 or 1, where the normal approximation is not. No rate and no interval without trials.
 */
@Schema(name = "Proportion", description = "A rate with its 95 % Wilson interval; no rate without trials")
public record Proportion(long successes, long trials, Double rate, Double low, Double high) {

    /** The two-sided 95 % quantile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    public static Proportion of(long successes, long trials) {
        if (trials <= 0) {
            return new Proportion(successes, trials, null, null, null);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Proportion(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
