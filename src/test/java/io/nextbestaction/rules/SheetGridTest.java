package io.nextbestaction.rules;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SheetGridTest {

    @Test
    void shouldShowAMergedRegionOnceAcrossItsColumnsAndCollapsedRowsAsHidden() throws IOException {
        RuleFile file = workbook(new XSSFWorkbook(), "cases.test.xlsx", sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Title across three columns");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            sheet.createRow(2).createCell(1).setCellValue(0.85);
            sheet.getRow(2).createCell(3).setCellValue(" 42 ");
            sheet.createRow(3).setZeroHeight(true);
            sheet.getRow(3).createCell(0).setCellValue("code");
        });

        SheetGrid grid = SheetGrid.of(file).get(0);

        assertEquals("Cases", grid.name());
        assertEquals(4, grid.columns());
        assertEquals(List.of(1, 3, 4), grid.rows().stream().map(SheetGrid.GridRow::row).toList());
        assertEquals(List.of(new SheetGrid.GridCell("A1", "A", "Title across three columns", 3)), grid.rows().get(0).cells());
        assertEquals(List.of(new SheetGrid.GridCell("B3", "B", "0.85", 1), new SheetGrid.GridCell("D3", "D", "42", 1)),
                grid.rows().get(1).cells());
        assertEquals(List.of(false, false, true), grid.rows().stream().map(SheetGrid.GridRow::hidden).toList());
    }

    @Test
    void shouldNameWhatMakesAFileUnreadable() throws IOException {
        RuleFile xlsNamedXlsx = workbook(new HSSFWorkbook(), "upsell.drl.xlsx", sheet -> sheet.createRow(0).createCell(0).setCellValue("x"));
        assertEquals("this is an .xls workbook named .xlsx: save it as .xlsx, or rename it to .drl.xls",
                assertThrows(IllegalArgumentException.class, () -> SheetGrid.of(xlsNamedXlsx)).getMessage());
        RuleFile json = new RuleFile("case.test.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("case.test.json is not a workbook", assertThrows(IllegalArgumentException.class, () -> SheetGrid.of(json)).getMessage());
    }

    private static RuleFile workbook(Workbook workbook, String name, java.util.function.Consumer<Sheet> content) throws IOException {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook.createSheet("Cases"));
            workbook.write(out);
            return new RuleFile(name, out.toByteArray());
        }
    }
}
