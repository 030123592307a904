package io.nextbestaction.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something wrong in a ruleset, located the way an analyst finds it: file, sheet and cell (A1 notation), and what is
 * wrong in plain words. {@code detail} holds the rules engine's own text where it had something to say (else null).
 */
@Schema(name = "RulesetProblem", description = "Something wrong in a ruleset, where an analyst finds it: file, sheet and cell")
public record RuleSetProblem(@Schema(examples = "add-on.drl.xlsx") String file,
                             @Schema(examples = "Add-ons") String sheet,
                             @Schema(description = "A1 notation; null where the problem is not in one cell", examples = "F14") String cell,
                             @Schema(examples = "7 looks like a percentage; write 0.07 or 7 % (Propensity takes a number from 0 to 1 (80 % is 0.8), e.g. 0.6)")
                             String message,
                             @Schema(description = "The rules engine's own text, where it had something to say") String detail) {

    public RuleSetProblem(String file, String sheet, String cell, String message) {
        this(file, sheet, cell, message, null);
    }

    static RuleSetProblem at(RuleFile file, String sheet, String cell, String message) {
        return new RuleSetProblem(file.name(), sheet, cell, message);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(" › ").append(sheet);
        }
        if (cell != null) {
            where.append(" ").append(cell);
        }
        return where + ": " + message + (detail == null ? "" : " (Drools: " + detail + ")");
    }
}
