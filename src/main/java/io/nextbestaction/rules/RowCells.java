package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule of a rule file as a reviewer compares it: where it is (file, sheet, rule name, row) and its cells by
 * column, as the analyst sees them. A DRL or CSV rule is one cell, its DRL text. Nothing is compiled.
 *
 * @param sheet null for a DRL or CSV file
 * @param row   the sheet row (from 1), or the DRL line the rule starts on
 * @param cells the cell text by column title: the column's plain-words name, else its keyword and letter
 */
public record RowCells(String file, String sheet, String rule, int row, Map<String, String> cells) {

    static final String DRL_COLUMN = "DRL";

    /** The rules of a file in file order; a file that cannot be read has none (its version was rejected for it). */
    public static List<RowCells> of(RuleFile file) {
        List<RowCells> rows = new ArrayList<>();
        try {
            if (file.isWorkbook()) {
                readWorkbook(file, rows);
            } else if (file.isDrl() || file.isCsv()) {
                String drl = file.isDrl() ? new String(file.content(), StandardCharsets.UTF_8) : DroolsInternals.csvToDrl(file.content());
                readDrl(file.name(), drl, rows);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return rows;
    }

    private static void readWorkbook(RuleFile file, List<RowCells> rows) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                for (DecisionTableReader.Table table : DecisionTableReader.read(sheet).tables()) {
                    for (DecisionTableReader.TableRow row : table.rows()) {
                        Map<String, String> cells = new LinkedHashMap<>();
                        for (DecisionTableReader.Column column : table.columns()) {
                            if (column.isName()) {
                                continue;
                            }
                            SheetCells.CellText cell = row.cell(column);
                            cells.put(title(column), cell == null ? "" : cell.text());
                        }
                        rows.add(new RowCells(file.name(), sheet.getSheetName(), row.ruleName(), row.row(), cells));
                    }
                }
            }
        }
    }

    private static String title(DecisionTableReader.Column column) {
        String letter = CellReference.convertNumToColString(column.index());
        return column.name() == null || column.name().isBlank() ? column.keyword() + " (column " + letter + ")" : column.name();
    }

    private static void readDrl(String file, String drl, List<RowCells> rows) {
        String[] lines = drl.split("\n", -1);
        List<DroolsInternals.GeneratedRule> rules = DroolsInternals.rulesOf(drl);
        for (int i = 0; i < rules.size(); i++) {
            int from = rules.get(i).line() - 1;
            int to = i + 1 < rules.size() ? rules.get(i + 1).line() - 1 : lines.length;
            String text = String.join("\n", Arrays.asList(lines).subList(from, to)).strip();
            rows.add(new RowCells(file, null, rules.get(i).name(), rules.get(i).line(), Map.of(DRL_COLUMN, text)));
        }
    }
}
