package io.nextbestaction.experiments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One champion/challenger experiment as stored: what it tries, on which share, and who started and ended it, when and why. */
@Schema(name = "Experiment", description = "A champion/challenger experiment: the challenger version, its share, the key of the split, and its audit",
        examples = """
                {"id": 3, "key": "q3-seat-thresholds", "challengerVersion": 2, "championVersion": 1, "sharePercent": 20,
                 "status": "RUNNING", "startedBy": "analyst", "startedAt": "2026-12-01T09:00:00.120Z",
                 "reason": "does the seat pack from 85% sell more?", "endedBy": null, "endedAt": null, "endReason": null}""")
public record Experiment(long id,
                         @Schema(description = "With the account id, decides the arm", examples = "q3-seat-thresholds") String key,
                         int challengerVersion,
                         @Schema(description = "The version that served when the experiment started; the champion arm is"
                                 + " served by whichever version serves at the time of each decision") Integer championVersion,
                         @Schema(description = "The challenger's share of the accounts not held out, in percent", examples = "20") int sharePercent,
                         Status status,
                         String startedBy,
                         @Schema(implementation = String.class, format = "date-time", examples = "2026-12-01T09:00:00.120Z") Instant startedAt,
                         @Schema(description = "Why it was started; null when none was given") String reason,
                         @Schema(description = "Who stopped or promoted it; null while it runs") String endedBy,
                         @Schema(implementation = String.class, format = "date-time", examples = "2026-12-15T09:00:00.045Z") Instant endedAt,
                         @Schema(description = "Why it was stopped or promoted; null when none was given") String endReason) {

    @Schema(name = "ExperimentStatus")
    public enum Status {
        /** Decisions are split now. */
        RUNNING,
        /** Ended without a change of version. */
        STOPPED,
        /** Ended by activating the challenger through the regression gate. */
        PROMOTED
    }
}
