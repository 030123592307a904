package io.nextbestaction.playbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guidance each generated workbook carries for analysts, and a generator that writes the same bytes every time. */
class PlaybookWorkbooksTest {

    private final Map<String, byte[]> generated = withTemplate(PlaybookWorkbooks.generate());

    /** Writes decision-tables/ and the template only when asked: {@code ./mvnw -q test -Dtest=PlaybookWorkbooksTest -Dplaybook.regenerate=true}. */
    @Test
    @EnabledIfSystemProperty(named = "playbook.regenerate", matches = "true")
    void regenerate() throws IOException {
        PlaybookWorkbooks.main(new String[0]);
    }

    @Test
    void shouldWriteTheSameBytesEveryTime() {
        withTemplate(PlaybookWorkbooks.generate()).forEach((name, bytes) -> assertArrayEquals(generated.get(name), bytes, name));
    }

    @Test
    void shouldGuideTheAnalystEditingTheUpsellTable() throws IOException {
        try (XSSFWorkbook workbook = open("upsell.drl.xlsx")) {
            XSSFSheet sheet = workbook.getSheet("Upsell");
            XSSFDataValidation action = validationAt(sheet, 12, 12);
            assertEquals(List.of("SELF_SERVE", "SALES_HANDOFF", "CS_TASK"), Arrays.asList(action.getValidationConstraint().getExplicitListValues()));
            assertTrue(validationAt(sheet, 12 + WorkbookGuidance.EMPTY_ROWS, 12) != null, "the dropdown reaches the empty rows");
            Cell propensity = sheet.getRow(12).getCell(11);
            assertEquals(WorkbookStyles.PERCENT, propensity.getCellStyle().getDataFormatString());
            assertEquals("50%", new DataFormatter().formatCellValue(propensity));
            assertFalse(propensity.getCellStyle().getLocked(), "data cells are editable");
            assertEquals(12, sheet.getPaneInformation().getHorizontalSplitPosition(), "frozen below the column names");
        }
    }

    @Test
    void shouldGuideEveryWorkbook() throws IOException {
        for (String name : generated.keySet()) {
            try (XSSFWorkbook workbook = open(name)) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                int header = sheet.getPaneInformation().getHorizontalSplitPosition();
                Row names = sheet.getRow(header - 1);
                for (Cell cell : names) {
                    assertNotNull(cell.getCellComment(), name + ": a note on " + cell.getAddress());
                    assertTrue(cell.getCellComment().getString().getString().contains("Required")
                            || cell.getCellComment().getString().getString().contains("Empty"), name + ": what an empty cell means");
                }
                for (int r = 3; r < header - 1; r++) {
                    assertTrue(sheet.getRow(r) == null || sheet.getRow(r).getZeroHeight(), name + ": Drools row " + (r + 1) + " collapsed");
                }
                assertTrue(sheet.getProtect(), name + " protected");
                assertFalse(sheet.getRow(header).getCell(0).getCellStyle().getLocked(), name + ": rows editable");
                assertTrue(sheet.getPrintSetup().getLandscape() && sheet.getFitToPage(), name + ": landscape, fit to page");
                assertEquals(1, sheet.getPrintSetup().getFitWidth(), name + ": one page wide");
                assertEquals(0, sheet.getPrintSetup().getFitHeight(), name + ": as many pages long as needed");
                assertHowToEdit(name, workbook.getSheet(WorkbookGuidance.HOW_TO_EDIT));
            }
        }
    }

    @Test
    void shouldLetANewGuardrailCodeBeTyped() throws IOException {
        try (XSSFWorkbook workbook = open("guardrails.drl.xlsx")) {
            XSSFDataValidation codes = validationAt(workbook.getSheet("Guardrails"), 12, 8);
            assertEquals(XSSFDataValidation.ErrorStyle.WARNING, codes.getErrorStyle());
            assertTrue(Arrays.asList(codes.getValidationConstraint().getExplicitListValues()).contains("FREQUENCY_CAP"));
        }
    }

    private static void assertHowToEdit(String name, Sheet help) {
        assertNotNull(help, name + ": a How to edit sheet");
        DataFormatter text = new DataFormatter();
        for (Row row : help) {
            for (Cell cell : row) {
                String line = text.formatCellValue(cell);
                assertFalse(line.contains("RuleSet") || line.contains("RuleTable"), name + ": not a decision table: " + line);
            }
        }
    }

    /** The playbook and the template for a new offer table: both carry the same guidance. */
    private static Map<String, byte[]> withTemplate(Map<String, byte[]> playbook) {
        Map<String, byte[]> files = new LinkedHashMap<>(playbook);
        files.put(TemplateContent.FILE, PlaybookWorkbooks.template());
        return files;
    }

    private XSSFWorkbook open(String name) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(generated.get(name)));
    }

    /** The validation covering a cell (0-based row and column), or null. */
    private static XSSFDataValidation validationAt(XSSFSheet sheet, int row, int col) {
        for (XSSFDataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(row, col)) {
                    return validation;
                }
            }
        }
        return null;
    }
}
