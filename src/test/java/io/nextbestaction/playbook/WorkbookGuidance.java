package io.nextbestaction.playbook;

import io.nextbestaction.playbook.Playbook.Book;
import io.nextbestaction.playbook.Playbook.Column;
import io.nextbestaction.playbook.Playbook.Kind;
import io.nextbestaction.playbook.Playbook.Table;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.ArrayList;
import java.util.List;

/**
 * What helps an analyst edit a playbook sheet without breaking it: dropdowns, a note on each column, the Drools rows
 * grouped and collapsed, the header frozen, only the data rows editable, print setup, and a "How to edit" sheet.
 */
final class WorkbookGuidance {

    /** Empty rows below the last table that stay editable and keep the dropdowns. */
    static final int EMPTY_ROWS = 200;
    static final String HOW_TO_EDIT = "How to edit";

    private final XSSFWorkbook workbook;
    private final XSSFSheet sheet;
    private final WorkbookStyles styles;
    private final PlaybookContent.Lists lists;

    WorkbookGuidance(XSSFWorkbook workbook, XSSFSheet sheet, WorkbookStyles styles, PlaybookContent.Lists lists) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.styles = styles;
        this.lists = lists;
    }

    void add(Book book) {
        List<Table> tables = book.tables();
        Table last = tables.get(tables.size() - 1);
        for (Table table : tables) {
            int lastEditable = table == last ? table.lastRow() + EMPTY_ROWS : table.lastRow();
            for (int c = 0; c < table.columns().size(); c++) {
                Column column = table.columns().get(c);
                comment(table.headerRow(), c, column);
                dropdown(table.headerRow() + 1, lastEditable, c, column.kind());
            }
            // The RuleTable, keyword, object type and template rows: collapsed, one click away.
            int firstDrools = table == tables.get(0) ? 4 : table.row();
            sheet.groupRow(firstDrools - 1, table.row() + 2);
            sheet.setRowGroupCollapsed(firstDrools - 1, true);
        }
        for (int c = 0; c < last.columns().size(); c++) {
            sheet.setDefaultColumnStyle(c, styles.data(last.columns().get(c).kind()));
            sheet.setColumnWidth(c, Math.min(60, Math.max(14, last.columns().get(c).name().length() + 2)) * 256);
        }
        sheet.setColumnWidth(0, 60 * 256);
        sheet.createFreezePane(1, tables.get(0).headerRow());
        sheet.enableLocking();
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf(tables.get(0).headerRow() + ":" + tables.get(0).headerRow()));
        howToEdit(book);
    }

    private void comment(int row, int col, Column column) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + 3, row + 6);
        Comment comment = drawing.createCellComment(anchor);
        String values = column.kind().values(lists).isEmpty() ? "" : " Values: " + String.join(", ", column.kind().values(lists)) + ".";
        String percent = column.kind() == Kind.PERCENT ? " Type 90% (or 0.9)." : "";
        comment.setString(workbook.getCreationHelper().createRichTextString(column.note() + percent + values));
        comment.setAuthor("Playbook");
        sheet.getRow(row - 1).getCell(col).setCellComment(comment);
    }

    /** A list of the column's values: enumerations refuse others, open lists (codes, plans) and multi-value cells warn. */
    private void dropdown(int firstRow, int lastRow, int col, Kind kind) {
        List<String> values = kind.values(lists);
        if (values.isEmpty()) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(firstRow - 1, lastRow - 1, col, col));
        validation.setErrorStyle(kind.strict() ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(!kind.several());
        validation.createErrorBox("Not in the list", kind.strict()
                ? "Pick one of: " + String.join(", ", values) + "."
                : "Not one of the values used so far; keep it only if it is new on purpose.");
        if (kind.several()) {
            validation.createPromptBox("One or more", "Pick one, or type several separated by commas.");
            validation.setShowPromptBox(true);
        }
        sheet.addValidationData(validation);
    }

    private void howToEdit(Book book) {
        XSSFSheet help = workbook.createSheet(HOW_TO_EDIT);
        boolean percent = book.tables().stream().flatMap(t -> t.columns().stream()).anyMatch(c -> c.kind() == Kind.PERCENT);
        boolean learns = book.tables().stream().flatMap(t -> t.columns().stream()).anyMatch(c -> c.kind() == Kind.STRENGTH);
        List<String> lines = new ArrayList<>(List.of(
                book.title() + ": how to edit",
                "",
                "Each row of the sheet \"" + book.sheet() + "\" is one rule; its name (column A) appears in every explanation.",
                "Add a row: type it in the first empty row under the table, or insert a row inside the table. Rows are read top to bottom.",
                "An empty cell in a condition column means \"any\": the row does not look at it.",
                "Pick values from the dropdowns; hover a column name for what it means and what an empty cell means.",
                percent ? "Percent columns show 0.9 as 90%; type 90% or 0.9." : "",
                "The grey rows above the column names (collapsed, rows 4 to "
                        + (book.tables().get(0).headerRow() - 1) + ") tell the engine how to read the sheet; leave them as they are.",
                "The sheet is protected (no password) so that those rows stay intact; unprotect it (Review) only to add a column.",
                "Upload the file to the service to get every problem listed by cell before it is used; a blank row ends a table.",
                book.file().equals(TemplateContent.FILE)
                        ? "This is a template: the example row only shows the way; replace it with your rows."
                        : "This workbook is generated: a lasting change also goes into the generator (see the README, \"The playbook\")."));
        if (learns) {
            lines.add(7, "Learn (optional): a number of presentations, e.g. 50. The service then starts from the row's propensity and"
                    + " updates it with the offer's results in the account's segment (presentations, and acceptances or purchases"
                    + " among them); the propensity weighs as much as that many presentations. Empty: the propensity stays as written.");
            lines.add(8, "Explore (optional, only with Learn): yes draws the propensity at random from what was learned, so that an offer"
                    + " with few presentations still gets its chance; empty or no: the learned average. The explanation says which.");
        }
        for (int i = 0; i < lines.size(); i++) {
            help.createRow(i).createCell(0).setCellValue(lines.get(i));
        }
        help.getRow(0).getCell(0).setCellStyle(styles.title());
        help.setColumnWidth(0, 120 * 256);
    }
}
