package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Turns one rule file into DRL sources, sheet by sheet for a workbook, after the file-format and code-sandbox checks.
 * Converting each sheet here (not through Drools' spreadsheet cache) traces every rule to its row and never serves
 * a stale version of a changed workbook.
 */
final class RuleFileReader {

    /** The agenda group of the catalog workbook: its rows run once, when the ruleset is compiled. */
    static final String CATALOG_AGENDA_GROUP = "offer-catalog";

    private static final Pattern CATALOG_GROUP_LINE = Pattern.compile("(?m)^\\s*agenda-group\\s+\"" + CATALOG_AGENDA_GROUP + "\"");

    private RuleFileReader() {
    }

    static List<DrlSource> read(RuleFile file, List<RuleSetProblem> problems) {
        List<DrlSource> sources = new ArrayList<>();
        if (!file.isRuleFile()) {
            problems.add(new RuleSetProblem(file.name(), null, null,
                    "not a rule file: expected a name ending in .drl.xlsx, .drl.xls, .drl.csv or .drl (or a case file: .test.xlsx, .test.json)"));
            return sources;
        }
        String formatProblem = FileFormatCheck.problem(file);
        if (formatProblem != null) {
            problems.add(new RuleSetProblem(file.name(), null, null, formatProblem));
            return sources;
        }
        try {
            if (file.isWorkbook()) {
                readWorkbook(file, sources, problems);
            } else {
                String drl = file.isDrl() ? new String(file.content(), StandardCharsets.UTF_8) : DroolsInternals.csvToDrl(file.content());
                CodeSandbox.checkDrl(file, drl, problems);
                sources.add(source(file, null, drl, null));
            }
        } catch (RuntimeException | IOException e) {
            problems.add(new RuleSetProblem(file.name(), null, null, "cannot read the decision table: " + readable(e)));
        }
        return sources;
    }

    private static void readWorkbook(RuleFile file, List<DrlSource> sources, List<RuleSetProblem> problems) throws IOException {
        boolean anyTable = false;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                DecisionTableReader.SheetContent content = DecisionTableReader.read(sheet);
                if (!holdsDecisionTable(content)) {
                    continue;
                }
                anyTable = true;
                int before = problems.size();
                CodeSandbox.checkSheet(file, content, problems);
                if (!HeaderChecks.check(file, content, problems)) {
                    continue;
                }
                Set<String> flagged = problems.subList(before, problems.size()).stream().map(RuleSetProblem::cell)
                        .collect(Collectors.toSet());
                CellChecks.check(file, content, flagged, problems);
                DrlSource source = source(file, sheet.getSheetName(), DroolsInternals.sheetToDrl(content), content);
                source.rules().stream().filter(r -> r.row() == 0).forEach(r -> problems.add(new RuleSetProblem(file.name(),
                        sheet.getSheetName(), null, "rule \"" + r.name() + "\" cannot be traced to its row: this version of "
                        + "Drools writes decision tables in a way the service does not know")));
                sources.add(source);
            }
        }
        if (!anyTable) {
            problems.add(new RuleSetProblem(file.name(), null, null, "no sheet holds a decision table (a RuleSet or RuleTable keyword)"));
        }
    }

    static String readable(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static boolean holdsDecisionTable(DecisionTableReader.SheetContent content) {
        return content.cells().stream().anyMatch(cell -> cell.text().equals("RuleSet") || cell.text().startsWith("RuleTable"));
    }

    private static DrlSource source(RuleFile file, String sheet, String drl, DecisionTableReader.SheetContent content) {
        List<DroolsInternals.GeneratedRule> rules = DroolsInternals.rulesOf(drl);
        String packageName = rules.isEmpty() ? "defaultpkg" : rules.get(0).packageName();
        String path = "src/main/resources/" + packageName.replace('.', '/') + "/"
                + (file.name() + (sheet == null ? "" : "-" + sheet)).replaceAll("[^A-Za-z0-9_.-]", "_") + ".drl";
        return new DrlSource(file, sheet, path, drl, rules, content, CATALOG_GROUP_LINE.matcher(drl).find());
    }
}
