package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the cell (A1 notation) of a sheet row that a problem found after compilation is about. */
final class CellLocator {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");

    private CellLocator() {
    }

    /** A cell whose Drools error mentions it: the cell in the row whose text holds the quoted token of the message. */
    static String cellMentioned(SheetContent sheet, int row, String message) {
        Matcher quoted = QUOTED.matcher(message);
        List<String> tokens = new ArrayList<>();
        while (quoted.find()) {
            tokens.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        for (Table table : sheet.tables()) {
            for (TableRow r : table.rows()) {
                if (r.row() != row) {
                    continue;
                }
                for (String token : tokens) {
                    for (CellText cell : r.cells()) {
                        if (token.length() >= 2 && cell.text().contains(token) && !Objects.equals(cell.text(), r.ruleName())) {
                            return cell.ref();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The cell of a row in the column whose template contains the fragment, e.g. where a catalog row sets its type. */
    static String cellOf(SheetContent sheet, int row, String templateFragment) {
        for (Table table : sheet.tables()) {
            for (TableRow r : table.rows()) {
                if (r.row() != row) {
                    continue;
                }
                for (Column column : table.columns()) {
                    if (column.template() != null && column.template().contains(templateFragment)) {
                        return new CellReference(row - 1, column.index()).formatAsString(false);
                    }
                }
            }
        }
        return null;
    }
}
