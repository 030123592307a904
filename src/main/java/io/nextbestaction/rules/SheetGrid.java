package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One sheet of a workbook as a grid for a reviewer's screen: the cells that show something, row by row, with the
 * text the checks and Drools read ({@link SheetCells}), so that a problem's cell (A1 notation) can be pointed at.
 * A merged region is its first cell spanning the columns it covers in that row.
 *
 * @param columns how many columns the grid has (A to the last column any cell reaches)
 * @param rows    the rows that show something, in order
 */
public record SheetGrid(String name, int columns, List<GridRow> rows) {

    /** @param row from 1; hidden when the workbook collapses it (the Drools rows of the playbook's tables) */
    public record GridRow(int row, boolean hidden, List<GridCell> cells) {
    }

    /**
     * @param ref    A1 notation
     * @param column the column letter
     * @param span   the columns a merged region covers from here, 1 for a cell of its own
     */
    public record GridCell(String ref, String column, String text, int span) {
    }

    /**
     * The sheets of a workbook (.xlsx or .xls, rule workbook or test sheet), after the same file checks as the
     * compiler's.
     *
     * @throws IllegalArgumentException naming what makes the file unreadable, also for a file that is not a workbook
     */
    public static List<SheetGrid> of(RuleFile file) {
        if (!file.name().endsWith(".xlsx") && !file.name().endsWith(".xls")) {
            throw new IllegalArgumentException(file.name() + " is not a workbook");
        }
        String problem = file.isWorkbook() ? FileFormatCheck.problem(file) : null;
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<SheetGrid> sheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                sheets.add(grid(sheet));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the workbook: " + RuleFileReader.readable(e), e);
        }
        return sheets;
    }

    private static SheetGrid grid(Sheet sheet) {
        Map<Integer, List<SheetCells.CellText>> byRow = SheetCells.read(sheet).stream()
                .collect(Collectors.groupingBy(SheetCells.CellText::row, TreeMap::new, Collectors.toList()));
        List<GridRow> rows = new ArrayList<>();
        int columns = 0;
        for (Map.Entry<Integer, List<SheetCells.CellText>> entry : byRow.entrySet()) {
            List<GridCell> cells = new ArrayList<>();
            for (SheetCells.CellText cell : entry.getValue()) {
                boolean covered = cell.mergedFrom() != SheetCells.NOT_MERGED && cell.mergedFrom() != cell.column();
                if (covered && !cells.isEmpty()) {
                    GridCell first = cells.remove(cells.size() - 1);
                    cells.add(new GridCell(first.ref(), first.column(), first.text(), first.span() + 1));
                } else {
                    cells.add(new GridCell(cell.ref(), CellReference.convertNumToColString(cell.column()), cell.text(), 1));
                }
                columns = Math.max(columns, cell.column() + 1);
            }
            Row written = sheet.getRow(entry.getKey() - 1);
            rows.add(new GridRow(entry.getKey(), written != null && written.getZeroHeight(), cells));
        }
        return new SheetGrid(sheet.getSheetName(), columns, rows);
    }
}
