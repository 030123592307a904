package io.nextbestaction.rules;

/** One file of a ruleset as the analyst saved it: a decision-table workbook (.drl.xlsx, .drl.xls, .drl.csv) or DRL. */
public record RuleFile(String name, byte[] content) {

    public boolean isDrl() {
        return name.endsWith(".drl");
    }

    public boolean isCsv() {
        return name.endsWith(".drl.csv");
    }

    public boolean isWorkbook() {
        return name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls");
    }

    public boolean isRuleFile() {
        return isDrl() || isCsv() || isWorkbook();
    }
}
