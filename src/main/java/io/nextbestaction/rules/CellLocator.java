package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the cell (A1 notation) of a sheet row that a problem found after compilation is about. */
final class CellLocator {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w{3,}");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");

    private CellLocator() {
    }

    /** A cell whose Drools error mentions it: the cell in the row whose text holds the quoted token of the message. */
    static String cellMentioned(SheetContent sheet, int row, String message) {
        List<String> tokens = quotedTokens(message);
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

    /**
     * A header cell (a column's object type or code) of the table holding the row, named by a Drools error: the first
     * of its quoted tokens, then of its longer words (longest first), that only one header cell holds.
     */
    static String headerMentioned(SheetContent sheet, int row, String message) {
        List<String> tokens = quotedTokens(message);
        Matcher word = WORD.matcher(message);
        List<String> words = new ArrayList<>();
        while (word.find()) {
            words.add(word.group());
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        tokens.addAll(words);
        for (Table table : sheet.tables()) {
            if (table.rows().stream().noneMatch(r -> r.row() == row)) {
                continue;
            }
            List<CellText> headers = sheet.cells().stream().filter(cell -> cell.row() < table.rows().get(0).row()
                    && (cell.mergedFrom() == SheetCells.NOT_MERGED || cell.mergedFrom() == cell.column()) // a merged cell once
                    && table.columns().stream().anyMatch(c -> c.index() == cell.column()
                    && (cell.text().equals(c.template()) || cell.text().equals(c.objectType())))).toList();
            for (String token : tokens) {
                List<CellText> holding = headers.stream().filter(h -> token.length() >= 2 && h.text().contains(token)).toList();
                if (holding.size() == 1) {
                    return holding.get(0).ref();
                }
            }
        }
        return null;
    }

    private static List<String> quotedTokens(String message) {
        Matcher quoted = QUOTED.matcher(message);
        List<String> tokens = new ArrayList<>();
        while (quoted.find()) {
            tokens.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        return tokens;
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
