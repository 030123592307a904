package io.nextbestaction.rules;

import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the cells of a decision-table sheet the way an analyst sees them ({@link SheetCells}): header keywords with
 * their cells, and each RuleTable with its columns (keyword, template, plain-words name) and rows. The checks read
 * these cells, and Drools turns the same cells into rules ({@link DroolsInternals#sheetToDrl}).
 */
final class DecisionTableReader {

    record Column(int index, String keyword, String objectType, String template, String name) {
        boolean isCondition() {
            return keyword.startsWith("CONDITION");
        }

        boolean isAction() {
            return keyword.startsWith("ACTION");
        }

        boolean isName() {
            return keyword.equals("NAME");
        }
    }

    record TableRow(int row, String ruleName, List<CellText> cells) {
        CellText cell(Column column) {
            return cells.stream().filter(c -> c.column() == column.index()).findFirst().orElse(null);
        }
    }

    record Table(String sheet, String name, List<Column> columns, List<TableRow> rows) {
    }

    /** Everything in a sheet: the cells (for keyword and code checks) and its rule tables. */
    record SheetContent(String sheet, List<CellText> cells, List<Table> tables) {
    }

    private DecisionTableReader() {
    }

    static SheetContent read(Sheet sheet) {
        List<CellText> all = SheetCells.read(sheet);
        NavigableMap<Integer, List<CellText>> byRow = all.stream()
                .collect(Collectors.groupingBy(CellText::row, TreeMap::new, Collectors.toList()));
        List<Table> tables = new ArrayList<>();
        byRow.forEach((row, cells) -> {
            String first = cells.get(0).text();
            if (first.startsWith("RuleTable")) {
                tables.add(table(sheet.getSheetName(), byRow, row, first.substring("RuleTable".length()).trim()));
            }
        });
        return new SheetContent(sheet.getSheetName(), all, tables);
    }

    /** The table whose RuleTable cell is in {@code tableRow} (from 1): its columns, then its rows up to the first empty one. */
    private static Table table(String sheet, NavigableMap<Integer, List<CellText>> byRow, int tableRow, String name) {
        List<Column> columns = new ArrayList<>();
        for (CellText keyword : byRow.getOrDefault(tableRow + 1, List.of())) {
            int c = keyword.column();
            columns.add(new Column(c, keyword.text().toUpperCase(Locale.ROOT), text(byRow, tableRow + 2, c),
                    text(byRow, tableRow + 3, c), text(byRow, tableRow + 4, c)));
        }
        Column nameColumn = columns.stream().filter(Column::isName).findFirst().orElse(null);
        List<TableRow> rows = new ArrayList<>();
        for (int r = tableRow + 5; ; r++) {
            List<CellText> cells = new ArrayList<>();
            for (Column column : columns) {
                CellText cell = cell(byRow, r, column.index());
                if (cell != null) {
                    cells.add(cell);
                }
            }
            if (cells.isEmpty()) {
                break;
            }
            rows.add(new TableRow(r, nameColumn == null ? null : text(byRow, r, nameColumn.index()), cells));
        }
        return new Table(sheet, name, columns, rows);
    }

    private static CellText cell(NavigableMap<Integer, List<CellText>> byRow, int row, int column) {
        return byRow.getOrDefault(row, List.of()).stream().filter(c -> c.column() == column).findFirst().orElse(null);
    }

    private static String text(NavigableMap<Integer, List<CellText>> byRow, int row, int column) {
        CellText cell = cell(byRow, row, column);
        return cell == null ? null : cell.text();
    }
}
