package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service's walk over a sheet gives the DRL Drools' own ExcelParser gives for workbooks that write every cell as
 * Excel does: the shipped playbook and the real-world tables, sheet by sheet, whitespace aside.
 */
class ExcelParserParityTest {

    /**
     * A workbook whose RuleSet header sets IgnoreNumericFormat (a real-world one, and the shipped offer tables, whose
     * percent cells Drools would otherwise read as "100%") makes Drools write a whole number as "1.0"; the service
     * writes "1", the same value.
     */
    private static final String IGNORE_NUMERIC_FORMAT = "IgnoreNumericFormat";

    @Test
    void shouldGiveTheDrlOfDroolsExcelParserForEveryShippedAndRealWorldWorkbook() throws IOException {
        List<Path> workbooks = new ArrayList<>();
        for (String folder : List.of("decision-tables", "src/test/resources/real-world-tables")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(p -> p.toString().matches(".*\\.xlsx?")).sorted().forEach(workbooks::add);
            }
        }
        assertEquals(27, workbooks.size(), "6 shipped and 21 real-world workbooks");
        for (Path path : workbooks) {
            byte[] content = Files.readAllBytes(path);
            for (String sheet : sheetNames(content)) {
                String drools = outcome(content, sheet, ExcelParserParityTest::droolsDrl);
                String service = outcome(content, sheet, s -> DroolsInternals.sheetToDrl(DecisionTableReader.read(s)));
                if (ignoresNumericFormat(content)) {
                    drools = drools.replaceAll("\\b(\\d+)\\.0\\b", "$1");
                }
                assertEquals(drools, service, path + " › " + sheet);
            }
        }
    }

    /** The DRL of one sheet as Drools' SpreadsheetCompiler makes it, with ExcelParser reading the sheet. */
    private static String droolsDrl(Sheet sheet) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.setWorksheetName(sheet.getSheetName());
        new ExcelParser(Map.of(sheet.getSheetName(), List.<DataListener>of(listener))).parseWorkbook(sheet.getWorkbook());
        return new SpreadsheetCompiler().listenerToString(listener);
    }

    /** The DRL, whitespace collapsed, or the error a sheet without a table gives. */
    private static String outcome(byte[] content, String sheet, Function<Sheet, String> toDrl) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            return toDrl.apply(workbook.getSheet(sheet)).replaceAll("\\s+", " ").trim();
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    private static boolean ignoresNumericFormat(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().trim().equals(IGNORE_NUMERIC_FORMAT)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    private static List<String> sheetNames(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        }
    }
}
