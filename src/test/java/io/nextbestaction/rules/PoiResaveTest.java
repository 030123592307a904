package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped playbook written back by Apache POI the way other programs write workbooks: the covered cells of merged
 * regions left out (as openpyxl and Google Sheets do), strings inline rather than shared, some numbers stored as text
 * with spaces around them and one shown as a percent. It must read exactly as the shipped one.
 */
class PoiResaveTest {

    @Test
    void shouldReadAWorkbookWrittenWithoutCoveredCellsAndWithNumbersAsTextAsTheShippedOne() throws Exception {
        List<RuleFile> resaved = Workbooks.shippedPlaybook().stream().map(PoiResaveTest::resave).toList();

        int inlineStrings = 0;
        int textNumbers = 0;
        int percents = 0;
        for (RuleFile file : resaved) {
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                assertEquals(0, ResaveComparison.coveredCellsWritten(file), file.name() + ": covered cells written");
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            inlineStrings += ((XSSFCell) cell).getCTCell().getT() == STCellType.INLINE_STR ? 1 : 0;
                            textNumbers += cell.getCellType() == CellType.STRING && cell.getStringCellValue().matches(" [0-9.]+ ") ? 1 : 0;
                            percents += cell.getCellStyle().getDataFormatString().contains("%") ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(inlineStrings >= 100, inlineStrings + " inline strings");
        assertTrue(textNumbers >= 10, textNumbers + " numbers stored as text");
        assertTrue(percents >= 1, percents + " numbers shown as a percent");

        ResaveComparison.assertReadsAsShipped(resaved, "Apache POI (SXSSF)");
    }

    /** A copy by POI's streaming writer: values only, merged regions declared but their covered cells not written. */
    private static RuleFile resave(RuleFile file) {
        try (Workbook original = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
             SXSSFWorkbook copy = new SXSSFWorkbook(null, 100, false, false);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = copy.createCellStyle();
            percent.setDataFormat(copy.createDataFormat().getFormat("0%"));
            int numbers = 0;
            boolean percentWritten = false;
            for (Sheet sheet : original) {
                Sheet target = copy.createSheet(sheet.getSheetName());
                sheet.getMergedRegions().forEach(target::addMergedRegion);
                for (Row row : sheet) {
                    Row targetRow = target.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        if (isCovered(sheet, cell) || cell.getCellType() == CellType.BLANK) {
                            continue;
                        }
                        Cell written = targetRow.createCell(cell.getColumnIndex());
                        if (cell.getCellType() == CellType.STRING) {
                            written.setCellValue(cell.getStringCellValue());
                            continue;
                        }
                        double number = cell.getNumericCellValue(); // the shipped workbooks hold only text and numbers
                        if (number > 0 && number < 1 && !percentWritten) {
                            written.setCellValue(number); // 0.8 shows as 80 %
                            written.setCellStyle(percent);
                            percentWritten = true;
                        } else if (numbers++ % 2 == 0) {
                            written.setCellValue(" " + BigDecimal.valueOf(number).stripTrailingZeros().toPlainString() + " ");
                        } else {
                            written.setCellValue(number);
                        }
                    }
                }
            }
            copy.write(out);
            copy.dispose();
            return new RuleFile(file.name(), out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inside a merged region but not its first cell. */
    private static boolean isCovered(Sheet sheet, Cell cell) {
        return sheet.getMergedRegions().stream().anyMatch(region -> region.isInRange(cell)
                && (region.getFirstRow() != cell.getRowIndex() || region.getFirstColumn() != cell.getColumnIndex()));
    }
}
