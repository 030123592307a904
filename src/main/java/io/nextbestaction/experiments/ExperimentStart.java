package io.nextbestaction.experiments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /experiments. */
@Schema(name = "ExperimentStart", description = "An experiment to start: the challenger version, its share of the accounts and the key of the split",
        examples = """
                {"challengerVersion": 2, "sharePercent": 20, "key": "q3-seat-thresholds", "reason": "does the seat pack from 85% sell more?"}""")
public record ExperimentStart(
        @Schema(description = "A stored valid version other than the serving one", examples = "2")
        @NotNull Integer challengerVersion,
        @Schema(description = "The challenger's share of the accounts not held out, a whole number of percent from 1 to 50", examples = "20")
        @NotNull @Min(value = 1, message = SHARE_RULE) @Max(value = 50, message = SHARE_RULE) Integer sharePercent,
        @Schema(description = "With the account id, decides the arm: the same key splits the accounts the same way again."
                + " 1 to 64 letters, digits or . _ -, starting with a letter or digit", examples = "q3-seat-thresholds")
        @NotNull @Pattern(regexp = KEY, message = KEY_RULE) String key,
        @Schema(description = "Why, kept in the audit (optional)", examples = "does the seat pack from 85% sell more?")
        @Size(max = 1000, message = "must be at most 1000 characters") String reason) {

    static final String SHARE_RULE = "must be a whole number of percent from 1 to 50";
    static final String KEY = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String KEY_RULE = "must be 1 to 64 letters, digits or . _ -, starting with a letter or digit";

    /** The same start with a blank reason as none, and the reason without surrounding spaces. */
    ExperimentStart normalized() {
        return new ExperimentStart(challengerVersion, sharePercent, key, reason == null || reason.isBlank() ? null : reason.strip());
    }
}
