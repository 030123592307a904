package io.nextbestaction.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
/**
 * Treated against held-out conversion: the absolute lift (difference of rates) with Newcombe's hybrid score interval,
 * the relative lift (ratio of rates minus one) with the log-ratio interval, and the two-sided p-value of the pooled
 * two-proportion z-test; significant at the 5 % level. No figure where a rate is missing (no accounts) or, for the
 * relative lift, where either arm has no conversion.
 */
@Schema(name = "Lift", description = "Conversion of treated against held-out accounts: lift with 95 % intervals and the p-value")
public record Lift(Proportion treated, Proportion heldOut, Estimate absolute, Estimate relative, Double pValue,
                   boolean significant) {

    @Schema(name = "LiftEstimate", description = "A lift with its 95 % interval")
    public record Estimate(double value, double low, double high) {
    }

    public static Lift of(long treatedConverted, long treatedAccounts, long heldOutConverted, long heldOutAccounts) {
        Proportion t = Proportion.of(treatedConverted, treatedAccounts);
        Proportion h = Proportion.of(heldOutConverted, heldOutAccounts);
        if (t.rate() == null || h.rate() == null) {
            return new Lift(t, h, null, null, null, false);
        }
        double p1 = t.rate();
        double p0 = h.rate();
        double difference = p1 - p0;
        Estimate absolute = new Estimate(difference,
                difference - Math.hypot(p1 - t.low(), h.high() - p0),
                difference + Math.hypot(t.high() - p1, p0 - h.low()));
        Estimate relative = null;
        if (treatedConverted > 0 && heldOutConverted > 0) {
            double ratio = p1 / p0;
            double se = Math.sqrt(1.0 / treatedConverted - 1.0 / treatedAccounts + 1.0 / heldOutConverted - 1.0 / heldOutAccounts);
            relative = new Estimate(ratio - 1, Math.exp(Math.log(ratio) - Proportion.Z95 * se) - 1,
                    Math.exp(Math.log(ratio) + Proportion.Z95 * se) - 1);
        }
        double pooled = (double) (treatedConverted + heldOutConverted) / (treatedAccounts + heldOutAccounts);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / treatedAccounts + 1.0 / heldOutAccounts));
        double pValue = se == 0 ? 1.0 : erfc(Math.abs(difference / se) / Math.sqrt(2));
        return new Lift(t, h, absolute, relative, pValue, pValue < 0.05);
    }

    /** The complementary error function (Numerical Recipes' erfcc, fractional error under 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
