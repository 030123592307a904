package io.nextbestaction.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DRL generated from one sheet of a workbook (or read from one DRL or CSV file), with the row each rule came from.
 *
 * @param path    where the builder files it, so that its errors can be traced back here
 * @param content the sheet's cells as the analyst sees them (null for a DRL or CSV file)
 * @param catalog whether its rules describe the offer catalog rather than decisions
 */
record DrlSource(RuleFile file, String sheet, String path, String drl, List<DroolsInternals.GeneratedRule> rules,
                 DecisionTableReader.SheetContent content, boolean catalog) {

    /** Where each rule of this source comes from, by the DRL line the rule starts on. */
    TreeMap<Integer, RowRef> rowsByLine() {
        TreeMap<Integer, RowRef> byLine = new TreeMap<>();
        rules.forEach(r -> byLine.put(r.line(), rowOf(r)));
        return byLine;
    }

    /** Where each rule comes from, by package and name. */
    void addRows(Map<String, RowRef> rows) {
        rules.forEach(r -> rows.put(RowRef.key(r.packageName(), r.name()), rowOf(r)));
    }

    /** The rows in sheet order. */
    List<RowRef> rows() {
        return rules.stream().map(this::rowOf).toList();
    }

    private RowRef rowOf(DroolsInternals.GeneratedRule rule) {
        return new RowRef(file.name(), sheet, rule.row(), rule.name());
    }
}
