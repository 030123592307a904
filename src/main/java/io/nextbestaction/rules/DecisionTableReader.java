package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the cells of a decision-table sheet the way an analyst sees them: header keywords with their cells, and each
 * RuleTable with its columns (keyword, template, plain-words name) and rows. Used to check a ruleset cell by cell;
 * Drools itself still turns the sheet into rules.
 */
final class DecisionTableReader {

    /** A non-empty cell: where it is (A1 notation) and its text as Drools reads it. */
    record CellText(String ref, int row, String text, Double number) {
    }

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
            for (CellText c : cells) {
                if (new CellReference(c.ref()).getCol() == column.index()) {
                    return c;
                }
            }
            return null;
        }
    }

    record Table(String sheet, String name, List<Column> columns, List<TableRow> rows) {
    }

    /** Everything in a sheet: the cells (for keyword and code checks) and its rule tables. */
    record SheetContent(String sheet, List<CellText> cells, List<Table> tables) {
    }

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private DecisionTableReader() {
    }

    static SheetContent read(Workbook workbook, Sheet sheet) {
        List<CellText> all = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                CellText text = text(cell);
                if (text != null) {
                    all.add(text);
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            String first = firstText(sheet.getRow(r));
            if (first != null && first.startsWith("RuleTable")) {
                tables.add(table(sheet, r, first.substring("RuleTable".length()).trim()));
            }
        }
        return new SheetContent(sheet.getSheetName(), all, tables);
    }

    private static Table table(Sheet sheet, int tableRow, String name) {
        Row keywords = sheet.getRow(tableRow + 1);
        List<Column> columns = new ArrayList<>();
        if (keywords != null) {
            for (Cell cell : keywords) {
                String keyword = value(cell);
                if (keyword == null) {
                    continue;
                }
                int c = cell.getColumnIndex();
                columns.add(new Column(c, keyword.trim().toUpperCase(Locale.ROOT), value(sheet, tableRow + 2, c),
                        value(sheet, tableRow + 3, c), value(sheet, tableRow + 4, c)));
            }
        }
        Column nameColumn = columns.stream().filter(Column::isName).findFirst().orElse(null);
        List<TableRow> rows = new ArrayList<>();
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<CellText> cells = new ArrayList<>();
            if (row != null) {
                for (Column column : columns) {
                    CellText text = text(row.getCell(column.index()));
                    if (text != null) {
                        cells.add(text);
                    }
                }
            }
            if (cells.isEmpty()) {
                break;
            }
            String ruleName = nameColumn == null ? null : value(sheet, r, nameColumn.index());
            rows.add(new TableRow(r + 1, ruleName, cells));
        }
        return new Table(sheet.getSheetName(), name, columns, rows);
    }

    private static String firstText(Row row) {
        if (row == null) {
            return null;
        }
        for (Cell cell : row) {
            String v = value(cell);
            if (v != null) {
                return v.trim();
            }
        }
        return null;
    }

    private static String value(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r == null ? null : value(r.getCell(col));
    }

    private static String value(Cell cell) {
        CellText text = text(cell);
        return text == null ? null : text.text();
    }

    private static CellText text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text;
        Double number = null;
        switch (type) {
            case NUMERIC -> {
                number = cell.getNumericCellValue();
                text = number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf(number.longValue()) : String.valueOf(number);
            }
            case STRING -> text = cell.getStringCellValue();
            case BOOLEAN -> text = String.valueOf(cell.getBooleanCellValue());
            default -> text = cell.getCellType() == CellType.FORMULA ? FORMAT.formatCellValue(cell) : null;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        return new CellText(new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false),
                cell.getRowIndex() + 1, text, number);
    }
}
