package io.nextbestaction.playbook;

import io.nextbestaction.playbook.Playbook.Book;
import io.nextbestaction.playbook.Playbook.Column;
import io.nextbestaction.playbook.Playbook.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the playbook workbooks from {@link PlaybookContent}: the Drools layout (title, description, RuleSet header,
 * RuleTables) that the service compiles, plus the guidance {@link WorkbookGuidance} adds for analysts.
 * {@code main} writes them into the folder it is given (default {@code decision-tables}), and the template for a new
 * offer table into the service's resources (second argument, default {@code src/main/resources/templates}); see the README.
 */
public final class PlaybookWorkbooks {

    /** A fixed creation date, so that a regenerated workbook only differs where its content does. */
    private static final Date CREATED = new Date(1_767_225_600_000L);

    private PlaybookWorkbooks() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "decision-tables");
        for (Map.Entry<String, byte[]> file : generate().entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        Path templates = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "src/main/resources/templates"));
        Files.write(templates.resolve(TemplateContent.FILE), template());
    }

    /** Every workbook of the playbook by file name. */
    public static Map<String, byte[]> generate() {
        PlaybookContent.Lists lists = PlaybookContent.lists();
        Map<String, byte[]> files = new LinkedHashMap<>();
        PlaybookContent.books().forEach(book -> files.put(book.file(), write(book, lists)));
        return files;
    }

    /** The template workbook for a new offer table, which the service hands out (GET /rulesets/template). */
    public static byte[] template() {
        return write(TemplateContent.book(), PlaybookContent.lists());
    }

    static byte[] write(Book book, PlaybookContent.Lists lists) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
            workbook.getProperties().getCoreProperties().setModified(Optional.of(CREATED));
            WorkbookStyles styles = new WorkbookStyles(workbook);
            XSSFSheet sheet = workbook.createSheet(book.sheet());
            cell(sheet, 1, 0, book.title()).setCellStyle(styles.title());
            cell(sheet, 2, 0, book.description()).setCellStyle(styles.description());
            int r = 4;
            keyword(sheet, styles, r++, "RuleSet", book.ruleSet());
            keyword(sheet, styles, r++, "Import", PlaybookContent.IMPORT);
            keyword(sheet, styles, r++, "Variables", book.variables());
            for (String[] property : book.properties()) {
                keyword(sheet, styles, r++, property[0], property[1]);
            }
            for (Table table : book.tables()) {
                if (table.row() < r) {
                    throw new IllegalStateException(book.file() + ": table " + table.name() + " overlaps the rows above it");
                }
                table(sheet, styles, table);
                r = table.lastRow() + 2;
            }
            new WorkbookGuidance(workbook, sheet, styles, lists).add(book);
            workbook.write(out);
            return withFixedTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same zip with every entry dated {@link #CREATED}: POI dates them now, which would change every byte. */
    private static byte[] withFixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry fixed = new ZipEntry(entry.getName());
                fixed.setTime(CREATED.getTime());
                copy.putNextEntry(fixed);
                in.transferTo(copy);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void keyword(XSSFSheet sheet, WorkbookStyles styles, int row, String keyword, String value) {
        cell(sheet, row, 0, keyword).setCellStyle(styles.drools());
        cell(sheet, row, 1, value).setCellStyle(styles.drools());
    }

    private static void table(XSSFSheet sheet, WorkbookStyles styles, Table table) {
        cell(sheet, table.row(), 0, "RuleTable " + table.name()).setCellStyle(styles.drools());
        List<Column> columns = table.columns();
        int firstCondition = -1;
        int lastCondition = -1;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            cell(sheet, table.row() + 1, c, column.keyword()).setCellStyle(styles.drools());
            cell(sheet, table.row() + 2, c, null).setCellStyle(styles.drools());
            cell(sheet, table.row() + 3, c, column.template()).setCellStyle(styles.drools());
            cell(sheet, table.headerRow(), c, column.name()).setCellStyle(styles.header());
            if (column.isCondition()) {
                firstCondition = firstCondition < 0 ? c : firstCondition;
                lastCondition = c;
            }
        }
        if (table.objectType() != null) {
            cell(sheet, table.row() + 2, firstCondition, table.objectType());
            if (lastCondition > firstCondition) {
                sheet.addMergedRegion(new CellRangeAddress(table.row() + 1, table.row() + 1, firstCondition, lastCondition));
            }
        }
        for (int i = 0; i < table.rows().size(); i++) {
            List<Object> values = table.rows().get(i);
            for (int c = 0; c < columns.size(); c++) {
                cell(sheet, table.headerRow() + 1 + i, c, values.get(c)).setCellStyle(styles.data(columns.get(c).kind()));
            }
        }
    }

    /** The cell at a 1-based row and 0-based column, holding a text or a number (null: blank). */
    private static Cell cell(XSSFSheet sheet, int row, int col, Object value) {
        Row r = sheet.getRow(row - 1) == null ? sheet.createRow(row - 1) : sheet.getRow(row - 1);
        Cell cell = r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
        return cell;
    }
}
