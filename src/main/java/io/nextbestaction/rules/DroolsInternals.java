package io.nextbestaction.rules;

import io.nextbestaction.rules.SheetCells.CellText;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.template.parser.DataListener;
import org.drools.util.DateUtils;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything this service takes from Drools beyond its public API, in one place: the listener that turns a sheet's
 * cells into DRL, the text of a date in a decision table, the comment Drools writes above each rule of a decision
 * table (the only record of the row a rule came from), and the rule-base factory that accepts a class loader.
 * {@code DroolsInternalsTest} fails when an upgrade changes any of them.
 */
final class DroolsInternals {

    /** A rule of generated or written DRL: its package, name, the DRL line it starts on and its sheet row (0: none). */
    record GeneratedRule(String packageName, String name, int line, int row) {
    }

    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+),");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)\"");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)");

    private DroolsInternals() {
    }

    /**
     * The DRL of one decision-table sheet, from the cells the checks read: fed to Drools' listener as its ExcelParser
     * feeds it (each row in turn, its cells in column order with the first column of their merged region, then the end
     * of the sheet), but from {@link SheetCells}, which also reads the covered cells of a merged region the file omits.
     */
    static String sheetToDrl(DecisionTableReader.SheetContent content) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.setWorksheetName(content.sheet());
        TreeMap<Integer, List<CellText>> rows = content.cells().stream()
                .collect(Collectors.groupingBy(CellText::row, TreeMap::new, Collectors.toList()));
        int lastRow = rows.isEmpty() ? 0 : rows.lastKey();
        for (int row = 1; row <= lastRow; row++) {
            List<CellText> cells = rows.getOrDefault(row, List.of());
            listener.newRow(row - 1, cells.isEmpty() ? 0 : cells.get(cells.size() - 1).column() + 1);
            for (CellText cell : cells) {
                listener.newCell(row - 1, cell.column(), cell.text(),
                        cell.mergedFrom() == SheetCells.NOT_MERGED ? DataListener.NON_MERGED : cell.mergedFrom());
            }
        }
        listener.finishSheet();
        return new SpreadsheetCompiler().listenerToString(listener);
    }

    /** A date cell as Drools reads a date in DRL: {@code 1-Jan-2022} unless the property drools.dateformat says otherwise. */
    static String dateText(Date date) {
        return DateUtils.format(date);
    }

    static String csvToDrl(byte[] csv) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(csv), InputType.CSV);
    }

    /** The rules of a DRL text in order; a rule of a decision table carries the row Drools noted above it. */
    static List<GeneratedRule> rulesOf(String drl) {
        List<GeneratedRule> rules = new ArrayList<>();
        String packageName = "defaultpkg";
        int pendingRow = 0;
        int pendingLine = 0;
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            Matcher pkg = PACKAGE.matcher(line);
            Matcher values = RULE_VALUES_AT.matcher(line);
            Matcher rule = RULE_NAME.matcher(line);
            if (pkg.find()) {
                packageName = pkg.group(1);
            } else if (values.find()) {
                pendingRow = Integer.parseInt(values.group(2));
                pendingLine = i + 1;
            } else if (rule.find()) {
                rules.add(new GeneratedRule(packageName, rule.group(1), pendingRow == 0 ? i + 1 : pendingLine, pendingRow));
                pendingRow = 0;
            }
        }
        return rules;
    }

    /** A rule base that loads the facts' classes with the given loader (the builder's own newKieBase would not). */
    static KieBase newRuleBase(Collection<KiePackage> packages, ClassLoader classLoader) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(packages);
        return kieBase;
    }
}
