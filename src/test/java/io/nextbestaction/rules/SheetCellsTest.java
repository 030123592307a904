package io.nextbestaction.rules;

import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell reads as an analyst sees it, however the program that saved the workbook stored it. */
class SheetCellsTest {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Sheet sheet = workbook.createSheet("Cells");

    @Test
    void shouldReadANumberTheSameStoredAsANumberAsTextOrAsAPercent() {
        cell(0, 0).setCellValue(0.8);
        cell(0, 1).setCellValue(" 0.8 ");
        Cell percent = cell(0, 2);
        percent.setCellValue(0.8);
        percent.setCellStyle(style("0%"));
        cell(0, 3).setCellValue(42.0);
        cell(0, 4).setCellValue(" 42 ");
        Cell wholePercent = cell(0, 5);
        wholePercent.setCellValue(1.0);
        wholePercent.setCellStyle(style("0.00%"));

        Map<String, CellText> cells = read();
        for (String ref : List.of("A1", "B1", "C1")) {
            assertEquals("0.8", cells.get(ref).text(), ref);
            assertEquals(0.8, cells.get(ref).number(), ref);
        }
        assertEquals("42", cells.get("D1").text());
        assertEquals("42", cells.get("E1").text());
        assertEquals("1", cells.get("F1").text(), "100 % is the fraction 1");
    }

    @Test
    void shouldShowANumberWithTheDigitsExcelShows() {
        cell(0, 0).setCellValue(6600.000000000001);
        cell(0, 1).setCellValue(0.1 + 0.2);
        cell(0, 2).setCellValue(-3.0);
        cell(0, 3).setCellValue(1e20);
        cell(0, 4).setCellValue(0.00001);

        Map<String, CellText> cells = read();
        assertEquals(List.of("6600", "0.3", "-3", "1E+20", "0.00001"),
                List.of("A1", "B1", "C1", "D1", "E1").stream().map(ref -> cells.get(ref).text()).toList());
    }

    @Test
    void shouldReadAFormulaAsItsResultAndOtherCellsAsTheyShow() {
        cell(0, 0).setCellValue(20.0);
        Cell formula = cell(0, 1);
        formula.setCellFormula("A1*3");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formula);
        sheet.getRow(0).getCell(0).setCellValue(30.0); // the stored result stays 60, as a file's cached value does
        cell(0, 2).setCellValue(true);
        cell(0, 3).setCellValue("  ");
        cell(0, 5).setCellFormula("IF(A1>10,\"big\",\"small\")"); // no result stored, as openpyxl saves formulas
        Cell date = cell(0, 4);
        date.setCellValue(LocalDate.of(2022, 1, 1));
        date.setCellStyle(style("d/m/yyyy"));

        Map<String, CellText> cells = read();
        assertEquals("60", cells.get("B1").text(), "a formula reads as its stored result");
        assertEquals("big", cells.get("F1").text(), "a formula without a stored result is computed");
        assertEquals("true", cells.get("C1").text());
        assertFalse(cells.containsKey("D1"), "a cell of spaces shows nothing");
        assertTrue(cells.get("E1").text().matches("\"1-\\w+-2022\""), "a date as Drools reads one: " + cells.get("E1").text());
        assertEquals(null, cells.get("E1").number());
    }

    @Test
    void shouldGiveEveryCellOfAMergedRegionItsFirstCellWhetherTheFileWritesItOrNot() {
        cell(0, 1).setCellValue("$account: Account");
        sheet.addMergedRegion(CellRangeAddress.valueOf("B1:D1"));
        cell(0, 2); // a blank covered cell, as Excel and LibreOffice write it; D1 is left out, as openpyxl leaves it
        cell(2, 0).setCellValue("Seat pack");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A3:A5")); // rows 4 and 5 are not in the file at all

        Map<String, CellText> cells = read();
        for (String ref : List.of("B1", "C1", "D1")) {
            assertEquals("$account: Account", cells.get(ref).text(), ref);
            assertEquals(1, cells.get(ref).mergedFrom(), ref);
        }
        for (String ref : List.of("A3", "A4", "A5")) {
            assertEquals("Seat pack", cells.get(ref).text(), ref);
            assertEquals(0, cells.get(ref).mergedFrom(), ref);
        }
        assertEquals(List.of("B1", "C1", "D1", "A3", "A4", "A5"), SheetCells.read(sheet).stream().map(CellText::ref).toList(),
                "row by row, in column order");
    }

    @Test
    void shouldRefuseMergedRegionsCoveringMoreCellsThanAnyDecisionTable() {
        cell(0, 0).setCellValue("title");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A1:Z10000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SheetCells.read(sheet));
        assertTrue(e.getMessage().contains("cover more than"), e.getMessage());
    }

    private Cell cell(int row, int column) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        return r.createCell(column);
    }

    private CellStyle style(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private Map<String, CellText> read() {
        return SheetCells.read(sheet).stream().collect(Collectors.toMap(CellText::ref, Function.identity()));
    }
}
