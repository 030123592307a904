package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import org.apache.poi.ss.util.CellReference;

import java.util.List;
import java.util.Set;

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * The header rows of a sheet's tables, in plain words before Drools reads them: under "RuleTable ..." come a row of
 * keywords, the object types, the code of each column and the plain-words names, then the rules. A deleted or shifted
 * header row is named here rather than by the parser's exception.
 */
final class HeaderChecks {

    /** The column keywords Drools knows (a keyword may carry a suffix, e.g. "ACTION-1"). */
    private static final Set<String> KEYWORDS = Set.of("NAME", "CONDITION", "ACTION", "DESCRIPTION", "PRIORITY", "SALIENCE",
            "DURATION", "TIMER", "CALENDARS", "ENABLED", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "ACTIVATION-GROUP",
            "AGENDA-GROUP", "RULEFLOW-GROUP", "DATE-EFFECTIVE", "DATE-EXPIRES", "METADATA");
    private static final String LAYOUT = "under \"RuleTable ...\" come a row of keywords (NAME, CONDITION, ACTION), the object "
            + "types (e.g. $account: Account), the code of each column, the plain-words names, then the rules";

    private HeaderChecks() {
    }

    /** Whether the headers read as a decision table; the problems are added when not. */
    static boolean check(RuleFile file, SheetContent sheet, List<RuleSetProblem> errors) {
        int before = errors.size();
        if (sheet.tables().isEmpty()) {
            errors.add(at(file, sheet.sheet(), null, "the sheet has a RuleSet but no \"RuleTable\" row, so it holds no rules: "
                    + "is the RuleTable row deleted? " + LAYOUT));
        }
        for (Table table : sheet.tables()) {
            if (table.columns().stream().noneMatch(c -> c.isCondition() || c.isAction())) {
                errors.add(at(file, sheet.sheet(), null, "the table \"" + table.name() + "\" has no CONDITION or ACTION column: "
                        + LAYOUT));
                continue;
            }
            if (table.rows().isEmpty()) {
                continue;
            }
            int keywordRow = table.rows().get(0).row() - 4;
            for (Column column : table.columns()) {
                String at = new CellReference(keywordRow - 1, column.index()).formatAsString(false);
                if (KEYWORDS.stream().noneMatch(k -> column.keyword().startsWith(k))) {
                    errors.add(at(file, sheet.sheet(), at, "\"" + column.keyword() + "\" is not a column keyword: is a header row "
                            + "deleted? " + LAYOUT));
                } else if (column.objectType() != null && column.objectType().contains("$param")) {
                    errors.add(at(file, sheet.sheet(), below(at, 1), "this cell holds code where an object type belongs: is a "
                            + "header row deleted? " + LAYOUT));
                } else if ((column.isCondition() || column.isAction()) && column.template() == null && hasValues(table, column)) {
                    errors.add(at(file, sheet.sheet(), below(at, 2), "the column " + (column.name() == null ? ""
                            : "\"" + column.name() + "\" ") + "has values but no code here saying what they mean, e.g. "
                            + "seatUtilization >= $param"));
                }
            }
        }
        return errors.size() == before;
    }

    private static boolean hasValues(Table table, Column column) {
        return table.rows().stream().map(r -> r.cell(column)).anyMatch(java.util.Objects::nonNull);
    }

    /** The cell some rows below another, in A1 notation. */
    private static String below(String ref, int rows) {
        CellReference cell = new CellReference(ref);
        return new CellReference(cell.getRow() + rows, cell.getCol()).formatAsString(false);
    }
}
