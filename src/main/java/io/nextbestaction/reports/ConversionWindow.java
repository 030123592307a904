package io.nextbestaction.reports;

import io.nextbestaction.common.error.ProblemException;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long after an account's first decision a conversion counts, as a request names it (query parameter
 * {@code window}): the lift against the holdout and the experiments' comparison read it alike.
 */
public final class ConversionWindow {

    /** The window when the request names none. */
    public static final String DEFAULT = "P14D";

    private ConversionWindow() {
    }

    /** An ISO-8601 duration of whole hours, more than zero; else 400 naming the field {@code window}. */
    public static Duration parse(String window) {
        Duration within;
        try {
            within = Duration.parse(window);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("window", "must be an ISO-8601 duration such as P14D, not \"" + window + "\"");
        }
        if (within.isNegative() || within.isZero() || within.toSeconds() % 3600 != 0) {
            throw ProblemException.invalidField("window", "must be a whole number of hours, more than zero, such as P14D or PT36H");
        }
        return within;
    }
}
