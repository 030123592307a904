package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test helper: the shipped playbook files, and edits to one cell of a workbook as an analyst would make them. */
public final class Workbooks {

    private Workbooks() {
    }

    public static List<RuleFile> shippedPlaybook() {
        return RuleFile.readFolder(Path.of("decision-tables"));
    }

    /** The playbook with one file replaced. */
    public static List<RuleFile> playbookWith(RuleFile replacement) {
        List<RuleFile> files = new ArrayList<>(shippedPlaybook());
        files.removeIf(f -> f.name().equals(replacement.name()));
        files.add(replacement);
        return files;
    }

    public static RuleFile shipped(String name) {
        try {
            return new RuleFile(name, Files.readAllBytes(Path.of("decision-tables", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same file with one cell (A1 notation) set to a text or a number. */
    public static RuleFile withCell(RuleFile file, String sheetName, String cellRef, Object value) {
        return edited(file, workbook -> {
            Cell cell = cell(workbook.getSheet(sheetName), cellRef);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(value));
            }
        });
    }

    /** The same file after an edit of its workbook, e.g. a renamed sheet or a deleted row. */
    public static RuleFile edited(RuleFile file, Consumer<Workbook> edit) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook);
            workbook.write(out);
            return new RuleFile(file.name(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell (A1 notation) of a sheet, created when the sheet has none there. */
    public static Cell cell(Sheet sheet, String cellRef) {
        CellReference ref = new CellReference(cellRef);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }
}
