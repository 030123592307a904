package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The mistakes an analyst makes typing into the shipped workbooks, each named at its cell in plain words (the engine's
 * own text only ever in {@code detail}), and edits that must be accepted unchanged in meaning.
 */
class AnalystMistakesTest {

    private static final String ADD_ON = "add-on.drl.xlsx";
    private static final String GUARDRAILS = "guardrails.drl.xlsx";
    private static final String UPSELL = "upsell.drl.xlsx";
    private static final String CATALOG = "offer-catalog.drl.xlsx";

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    static Stream<Arguments> mistakes() {
        return Stream.of(
                typed(ADD_ON, "F13", "high", "\"high\" is not a number; Propensity takes a number from 0 to 1 (80 % is 0.8), e.g. 0.4"),
                typed(ADD_ON, "B14", 80, "80 looks like a percentage; write 0.8 or 80 %"),
                typed(ADD_ON, "B14", "80%", "\"80%\" is written as text; write 0.8, or 80 % as a number formatted as a percentage"),
                typed(ADD_ON, "F14", "40 %", "write 0.4, or 40 %"),
                typed(ADD_ON, "B14", "0,8", "\"0,8\": write the decimal with a point, e.g. 0.8"),
                typed(ADD_ON, "B14", "≥ 0.8", "write only the number, e.g. 0.8; the column already says \"at least\""),
                typed(ADD_ON, "C14", "< 1", "the column already says \"below\""),
                typed(ADD_ON, "D15", "at least 85%", "write only the number, e.g. 0.85"),
                typed(ADD_ON, "F14", 1.5, "1.5 is more than 1; Propensity takes a number from 0 to 1"),
                typed(ADD_ON, "F14", -0.2, "-0.2 cannot be negative"),
                typed(ADD_ON, "B14", "0.8 0.9", "\"0.8 0.9\" is not a number"),
                typed(ADD_ON, "G14", "self_serve", "\"self_serve\": codes are written in capitals with underscores, e.g. SELF_SERVE"),
                typed(ADD_ON, "G14", "Self serve", "e.g. SELF_SERVE"),
                typed(ADD_ON, "A14", "", "A14", "the row has no rule name"),
                typed(ADD_ON, "E14", "seat-pack-99", "unknown offer id \"seat-pack-99\""),
                typed(ADD_ON, "E14", "seat \"pack\"", "a text may not hold double quotes"),
                typed(ADD_ON, "H14", "fifty", "\"fifty\" is not a number; Learn takes a number of presentations, a whole number from 1 to 100000, e.g. 50"),
                typed(ADD_ON, "H14", 0, "0 is not from 1 to 100000; Learn takes a number of presentations"),
                typed(ADD_ON, "H14", 200000, "200000 is not from 1 to 100000"),
                typed(ADD_ON, "H14", 12.5, "12.5 is not a whole number; Learn takes"),
                typed(ADD_ON, "I14", "maybe", "\"maybe\": write yes, or no (or leave the cell empty); Explore takes yes or no"),
                typed(ADD_ON, "I13", "yes", "Explore needs a Learn strength on the same row"),
                typed(GUARDRAILS, "E16", "sixty", "\"sixty\" is not a number of days; Downgrade within (days) takes a whole number of days"),
                typed(GUARDRAILS, "D15", -14, "-14 cannot be negative"),
                typed(GUARDRAILS, "D15", 7.5, "7.5 is not a whole number"),
                typed(GUARDRAILS, "C14", "none", "\"none\" is not a number"),
                typed(GUARDRAILS, "B13", "60 points", "Health score below takes a whole number"),
                typed(GUARDRAILS, "G18", "2 in 7", "write two whole numbers separated by a comma"),
                typed(GUARDRAILS, "G18", "2, -7", "cannot be negative"),
                typed(GUARDRAILS, "I13", "cooldown", "e.g. COOLDOWN"),
                typed(GUARDRAILS, "J13", "upsell, CROSS_SELL", "\"upsell\": codes are written in capitals"),
                typed(GUARDRAILS, "J13", "UPSELL, FREEBIE", "unknown offer type \"FREEBIE\""),
                typed(UPSELL, "B13", "team", "e.g. TEAM"),
                typed(UPSELL, "J18", "mid-market, ENTERPRISE", "e.g. MID_MARKET"),
                typed(UPSELL, "H18", "30 to 90", "write two whole numbers of days separated by a comma"),
                typed(UPSELL, "G17", "90 days", "\"90 days\" is not a number of days"),
                typed(UPSELL, "E16", "fifty", "Seats used at least takes a whole number"),
                typed(CATALOG, "E14", "150 €", "\"150 €\" is not a number; Value per month takes a number of 0 or more"),
                typed(CATALOG, "E14", "1,5", "write the decimal with a point, e.g. 1.5"),
                typed(CATALOG, "C30", -1, "-1 cannot be negative"),
                typed(CATALOG, "C14", "add-on", "e.g. ADD_ON"),
                edit(ADD_ON, "F13", "the formula in this cell gives the error #DIV/0!",
                        sheet -> {
                            Workbooks.cell(sheet, "F13").setCellFormula("1/0");
                            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(Workbooks.cell(sheet, "F13"));
                        }),
                edit(ADD_ON, "B9", "\"CONDITON\" is not a column keyword", sheet -> Workbooks.cell(sheet, "B9").setCellValue("Conditon")),
                edit(ADD_ON, "D11", "has values but no code here", sheet -> Workbooks.cell(sheet, "D11").setBlank()),
                edit(ADD_ON, null, "no \"RuleTable\" row", sheet -> Workbooks.cell(sheet, "A8").setBlank()),
                edit(ADD_ON, "B10", "this cell holds code where an object type belongs: is a header row deleted?",
                        sheet -> deleteRow(sheet, 10)),
                edit(ADD_ON, "B11", "the code in this header cell does not compile",
                        sheet -> Workbooks.cell(sheet, "B11").setCellValue("seatUtilisation >= $param")),
                edit(ADD_ON, "B10", "the code in this header cell does not compile",
                        sheet -> Workbooks.cell(sheet, "B10").setCellValue("$account: Acount")));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("a number stored as text with spaces", Workbooks.withCell(Workbooks.shipped(ADD_ON), "Add-ons", "F13", " 0.6 ")),
                arguments("a code with a trailing space", Workbooks.withCell(Workbooks.shipped(ADD_ON), "Add-ons", "G14", "SELF_SERVE ")),
                arguments("a pair without a space", Workbooks.withCell(Workbooks.shipped(UPSELL), "Upsell", "H18", "30,90")),
                arguments("Explore on a learning row, in capitals", Workbooks.withCell(Workbooks.shipped(ADD_ON), "Add-ons", "I14", "YES")),
                arguments("Explore no without Learn", Workbooks.withCell(Workbooks.shipped(ADD_ON), "Add-ons", "I13", "no")),
                arguments("a propensity of 1", Workbooks.withCell(Workbooks.shipped(ADD_ON), "Add-ons", "F13", 1)),
                arguments("80 % as a formatted number", Workbooks.edited(Workbooks.shipped(ADD_ON), workbook -> {
                    CellStyle percent = workbook.createCellStyle();
                    percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
                    Workbooks.cell(workbook.getSheet("Add-ons"), "B14").setCellStyle(percent);
                })),
                arguments("a renamed sheet", Workbooks.edited(Workbooks.shipped(ADD_ON), w -> w.setSheetName(0, "Add-on offers"))),
                arguments("an extra sheet of notes", Workbooks.edited(Workbooks.shipped(ADD_ON),
                        w -> Workbooks.cell(w.createSheet("Notes"), "A1").setCellValue("seat packs: ask finance first"))));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("mistakes")
    void shouldNameEachMistakeAtItsCellInPlainWords(String file, String cell, String typed, RuleFile edited, String expected) {
        RuleSetInvalidException e = assertThrows(RuleSetInvalidException.class, () -> COMPILER.compile(Workbooks.playbookWith(edited)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals(file) && java.util.Objects.equals(p.cell(), cell)
                && p.message().contains(expected)), e.getMessage());
        assertTrue(e.problems().stream().noneMatch(p -> p.message().matches("(?s).*(ERR \\d|mismatched|strict-mode|Unable to).*")),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void shouldAcceptWhatMeansTheSame(String label, RuleFile edited) {
        assertDoesNotThrow(() -> COMPILER.compile(Workbooks.playbookWith(edited)), label);
    }

    private static Arguments typed(String file, String cell, Object value, String expected) {
        return typed(file, cell, value, cell, expected);
    }

    private static Arguments typed(String file, String cell, Object value, String expectedCell, String expected) {
        RuleFile shipped = Workbooks.shipped(file);
        return arguments(file, expectedCell, String.valueOf(value), Workbooks.withCell(shipped, sheetOf(file), cell, value), expected);
    }

    private static Arguments edit(String file, String expectedCell, String expected, java.util.function.Consumer<Sheet> edit) {
        return arguments(file, expectedCell, expected, Workbooks.edited(Workbooks.shipped(file), w -> edit.accept(w.getSheet(sheetOf(file)))),
                expected);
    }

    /** Deletes a row as Excel does, moving the rows below it up (each cell as its text or number). */
    private static void deleteRow(Sheet sheet, int row) {
        for (int r = row; r <= sheet.getLastRowNum(); r++) {
            for (int c = 0; c < 16; c++) {
                org.apache.poi.ss.usermodel.Cell to = Workbooks.cell(sheet, new CellReference(r - 1, c).formatAsString(false));
                org.apache.poi.ss.usermodel.Row below = sheet.getRow(r);
                org.apache.poi.ss.usermodel.Cell from = below == null ? null : below.getCell(c);
                if (from == null || from.getCellType() == CellType.BLANK) {
                    to.setBlank();
                } else if (from.getCellType() == CellType.NUMERIC) {
                    to.setCellValue(from.getNumericCellValue());
                } else {
                    to.setCellValue(from.getStringCellValue());
                }
            }
        }
        sheet.removeRow(sheet.getRow(sheet.getLastRowNum()));
    }

    private static String sheetOf(String file) {
        return switch (file) {
            case ADD_ON -> "Add-ons";
            case GUARDRAILS -> "Guardrails";
            case UPSELL -> "Upsell";
            default -> "Catalog";
        };
    }
}
