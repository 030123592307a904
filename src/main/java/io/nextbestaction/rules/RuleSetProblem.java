package io.nextbestaction.rules;

/**
 * Something wrong in a ruleset, located the way an analyst finds it: file, sheet and cell (A1 notation), and what is
 * wrong in plain words. {@code detail} holds the rules engine's own text where it had something to say (else null).
 */
public record RuleSetProblem(String file, String sheet, String cell, String message, String detail) {

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
