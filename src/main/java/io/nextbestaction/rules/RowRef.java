package io.nextbestaction.rules;

/**
 * Where a rule comes from: the workbook, sheet and row an analyst edits (row 0 and no sheet for a DRL rule).
 * Its text is the explanation a journey tool can show.
 */
public record RowRef(String file, String sheet, int row, String rule) {

    @Override
    public String toString() {
        if (row == 0) {
            return file + " › rule \"" + rule + "\"";
        }
        return file + " › " + (sheet == null ? "" : sheet + " ") + "row " + row + ": " + rule;
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
