package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.util.CellReference;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * Keeps an analyst's code inside the service's fact model: imports only from {@value #FACTS_PACKAGE}, no functions,
 * nothing that reaches the JVM, reflection, files, network or threads, and at most {@value #MAX_ROWS} rule rows.
 */
final class CodeSandbox {

    private static final String FACTS_PACKAGE = "io.nextbestaction.rules.facts";
    private static final int MAX_ROWS = 20_000;

    /** Code a rule must never reach: the JVM, reflection, files, network, threads, or the engine behind the rules. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bSystem\\s*\\.|\\bRuntime\\b|ProcessBuilder|\\bThread\\b|Executors|ForkJoinPool|ClassLoader|Class\\s*\\.\\s*forName"
                    + "|\\.\\s*getClass\\s*\\(|getDeclared\\w*|\\.\\s*class\\b|java\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*(?:reflect|invoke))\\b"
                    + "|\\bFiles\\s*\\.|\\bPaths\\s*\\.|\\bSocket|\\bURL\\b|HttpClient|MethodHandle|\\bUnsafe\\b|ScriptEngine"
                    + "|getKieRuntime|getKnowledgeRuntime|getWorkingMemory|\\bhalt\\s*\\(");
    private static final Set<String> CODE_KEYWORDS = Set.of("RuleSet", "Import", "Variables", "Functions", "Queries", "Declare");

    private CodeSandbox() {
    }

    /** A decision-table sheet: its keyword cells, column templates and data cells, and its number of rows. */
    static void checkSheet(RuleFile file, SheetContent sheet, List<RuleSetProblem> errors) {
        Map<Integer, List<CellText>> byRow = sheet.cells().stream().collect(Collectors.groupingBy(CellText::row));
        for (CellText cell : sheet.cells()) {
            String keyword = cell.text().trim();
            if (!CODE_KEYWORDS.contains(keyword)) {
                continue;
            }
            CellText value = rightOf(cell, byRow.get(cell.row()));
            if (keyword.equals("Functions")) {
                errors.add(at(file, sheet.sheet(), cell.ref(), "Functions blocks are not allowed: rules may only use the service's fact model"));
            } else if (keyword.equals("Import") && value != null) {
                for (String imported : value.text().split("[,\\n]")) {
                    String name = imported.trim();
                    if (!name.isEmpty() && !name.equals(FACTS_PACKAGE + ".*") && !name.matches(Pattern.quote(FACTS_PACKAGE) + "\\.[A-Z]\\w*")) {
                        errors.add(at(file, sheet.sheet(), value.ref(), "import " + name + " is outside the service's fact model ("
                                + FACTS_PACKAGE + ".*)"));
                    }
                }
            }
            if (value != null) {
                forbidden(file, sheet.sheet(), value, errors);
            }
        }
        int rows = 0;
        for (Table table : sheet.tables()) {
            rows += table.rows().size();
            for (Column column : table.columns()) {
                checkColumnCode(file, sheet.sheet(), table, column, errors);
            }
            Column name = table.columns().stream().filter(Column::isName).findFirst().orElse(null);
            for (TableRow row : table.rows()) {
                for (CellText cell : row.cells()) {
                    if (name != null && cell.column() == name.index()) {
                        if (cell.text().contains("\"") || cell.text().contains("\n")) {
                            errors.add(at(file, sheet.sheet(), cell.ref(), "a rule name may not contain double quotes or line breaks"));
                        }
                    } else {
                        forbidden(file, sheet.sheet(), cell, errors);
                    }
                }
            }
        }
        if (rows > MAX_ROWS) {
            errors.add(at(file, sheet.sheet(), null, rows + " rule rows; a ruleset may hold at most " + MAX_ROWS));
        }
    }

    /** A DRL text file (or the DRL of a CSV table), line by line. */
    static void checkDrl(RuleFile file, String drl, List<RuleSetProblem> errors) {
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            String where = "line " + (i + 1);
            if (line.startsWith("import ")) {
                String name = line.substring("import ".length()).replace(";", "").trim();
                if (!name.startsWith(FACTS_PACKAGE + ".")) {
                    errors.add(at(file, null, where, "import " + name + " is outside the service's fact model (" + FACTS_PACKAGE + ".*)"));
                }
            }
            if (line.startsWith("function ")) {
                errors.add(at(file, null, where, "functions are not allowed: rules may only use the service's fact model"));
            }
            Matcher m = FORBIDDEN.matcher(lines[i]);
            if (m.find()) {
                errors.add(at(file, null, where, "\"" + m.group().trim() + "\" is not allowed in rules"));
            }
        }
    }

    /** The object type and template of a column. */
    private static void checkColumnCode(RuleFile file, String sheet, Table table, Column column, List<RuleSetProblem> errors) {
        for (String code : new String[] {column.objectType(), column.template()}) {
            if (code != null) {
                Matcher m = FORBIDDEN.matcher(code);
                if (m.find()) {
                    errors.add(at(file, sheet, "column " + CellReference.convertNumToColString(column.index()) + " of " + table.name(),
                            "\"" + m.group().trim() + "\" is not allowed in rules"));
                }
            }
        }
    }

    private static void forbidden(RuleFile file, String sheet, CellText cell, List<RuleSetProblem> errors) {
        Matcher m = FORBIDDEN.matcher(cell.text());
        if (m.find()) {
            errors.add(at(file, sheet, cell.ref(), "\"" + m.group().trim() + "\" is not allowed in rules: they may not reach the JVM, "
                    + "reflection, files, network or threads"));
        }
    }

    /** The nearest non-empty cell to the right in the same row: the value of a keyword. */
    private static CellText rightOf(CellText cell, List<CellText> row) {
        return row.stream().filter(c -> c.column() > cell.column()).min(Comparator.comparingInt(CellText::column)).orElse(null);
    }
}
