package io.nextbestaction.rules;

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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The service's walk over a sheet gives the DRL Drools' own ExcelParser gives for workbooks that write every cell as
 * Excel does: the shipped playbook and the real-world tables, sheet by sheet, whitespace aside.
 */
class ExcelParserParityTest {

    /** Its IgnoreNumericFormat flag makes Drools write a formatted 100 as "100.0"; the service writes "100". */
    private static final String IGNORE_NUMERIC_FORMAT = "ignore-numeric-format.drl.xls";

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
                if (path.endsWith(IGNORE_NUMERIC_FORMAT)) {
                    assertNotEquals(drools, service, path + " › " + sheet);
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

    private static List<String> sheetNames(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        }
    }
}
