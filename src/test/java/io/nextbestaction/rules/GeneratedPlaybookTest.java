package io.nextbestaction.rules;

import io.nextbestaction.playbook.PlaybookWorkbooks;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generated playbook says exactly what the hand-written one said: per sheet, the same rules (package, name, row)
 * and the same DRL per rule as the DRL Drools made of the hand-written workbooks (src/test/resources/playbook/shipped-drl).
 */
class GeneratedPlaybookTest {

    private static final Path SHIPPED_DRL = Path.of("src/test/resources/playbook/shipped-drl");
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"(.*?)\"$.*?^end$");
    /** The offer workbooks set IgnoreNumericFormat for their percent columns, so Drools writes a whole number 1 as 1.0. */
    private static final Pattern WHOLE_DOUBLE = Pattern.compile("\\b(\\d+)\\.0\\b");

    private final Map<String, byte[]> generated = PlaybookWorkbooks.generate();

    @Test
    void shouldGiveTheSameRulesRowByRowAsTheHandWrittenWorkbooks() throws IOException {
        List<String> sheets = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : generated.entrySet()) {
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.getValue()))) {
                for (Sheet sheet : workbook) {
                    Path expectedDrl = SHIPPED_DRL.resolve(file.getKey().replace(".drl.xlsx", "") + "." + sheet.getSheetName() + ".drl");
                    if (!Files.exists(expectedDrl)) {
                        continue;
                    }
                    sheets.add(expectedDrl.getFileName().toString());
                    String expected = Files.readString(expectedDrl);
                    String actual = DroolsInternals.sheetToDrl(DecisionTableReader.read(sheet));
                    String where = file.getKey() + " › " + sheet.getSheetName();
                    assertEquals(DroolsInternals.rulesOf(expected), DroolsInternals.rulesOf(actual), where + ": rules and rows");
                    List<String> expectedRules = rules(expected);
                    List<String> actualRules = rules(actual);
                    assertEquals(expectedRules.size(), actualRules.size(), where);
                    for (int i = 0; i < expectedRules.size(); i++) {
                        assertEquals(expectedRules.get(i), actualRules.get(i), where + ": rule " + (i + 1));
                    }
                }
            }
        }
        try (var expected = Files.list(SHIPPED_DRL)) {
            assertEquals(expected.count(), sheets.size(), "every hand-written sheet has its generated sheet: " + sheets);
        }
    }

    @Test
    void shouldCompileTheGeneratedPlaybookWithTheSameDecisionRows() throws Exception {
        List<RuleFile> files = generated.entrySet().stream().map(f -> new RuleFile(f.getKey(), f.getValue())).toList();
        RuleSet ruleSet = new RuleSetCompiler().compile(files);
        RuleSet shipped = new RuleSetCompiler().compile(Workbooks.shippedPlaybook());
        assertEquals(shipped.decisionRows(), ruleSet.decisionRows());
        assertEquals(shipped.guardrails(), ruleSet.guardrails());
        assertEquals(shipped.warnings(), ruleSet.warnings());
    }

    @Test
    void shouldShipExactlyWhatTheGeneratorWrites() {
        for (Map.Entry<String, byte[]> file : generated.entrySet()) {
            assertArrayEquals(file.getValue(), Workbooks.shipped(file.getKey()).content(),
                    file.getKey() + " differs from the generator's output: change PlaybookContent and regenerate (README)");
        }
    }

    @Test
    void shouldShipTheTemplateTheGeneratorWrites() throws IOException {
        assertArrayEquals(PlaybookWorkbooks.template(), Files.readAllBytes(Path.of("src/main/resources/templates/offer-table.drl.xlsx")),
                "the template differs from the generator's output: regenerate (README)");
    }

    /** Each rule's DRL, from {@code rule "…"} to {@code end}, whole numbers written alike. */
    private static List<String> rules(String drl) {
        List<String> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            rules.add(WHOLE_DOUBLE.matcher(rule.group()).replaceAll("$1"));
        }
        return rules;
    }
}
