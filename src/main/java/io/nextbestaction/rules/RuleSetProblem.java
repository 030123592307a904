package io.nextbestaction.rules;

/** Something wrong in a ruleset, located the way an analyst finds it: file, sheet and cell (A1 notation). */
public record RuleSetProblem(String file, String sheet, String cell, String message) {

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
        return where + ": " + message;
    }
}
