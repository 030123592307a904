package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.OfferType;
import io.nextbestaction.rules.DecisionTableReader.CellText;
import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks an analyst's ruleset gets beyond "does it compile": the file is what its name says, its code stays
 * inside the service's fact model, and its values make sense (known offers, guardrails and actions, propensities in
 * 0..1, no negative window, no row that can never fire). Each problem names the file, sheet and cell.
 */
final class RuleSetChecks {

    static final String FACTS_PACKAGE = "io.nextbestaction.rules.facts";
    static final Set<String> GUARDRAILS = Set.of("NOT_READY", "SUPPORT_COOLDOWN", "DOWNGRADE_COOLDOWN", "POST_PURCHASE",
            "FREQUENCY_CAP", "DISMISSED_RECENTLY", "NO_CHANNEL");
    static final Set<String> ACTIONS = Set.of("SELF_SERVE", "SALES_HANDOFF", "CS_TASK");
    static final int MAX_ROWS = 20_000;

    /** Code a rule must never reach: the JVM, reflection, files, network, threads, or the engine behind the rules. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bSystem\\s*\\.|\\bRuntime\\b|ProcessBuilder|\\bThread\\b|Executors|ForkJoinPool|ClassLoader|Class\\s*\\.\\s*forName"
                    + "|\\.\\s*getClass\\s*\\(|getDeclared\\w*|\\.\\s*class\\b|java\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*(?:reflect|invoke))\\b"
                    + "|\\bFiles\\s*\\.|\\bPaths\\s*\\.|\\bSocket|\\bURL\\b|HttpClient|MethodHandle|\\bUnsafe\\b|ScriptEngine"
                    + "|getKieRuntime|getKnowledgeRuntime|getWorkingMemory|\\bhalt\\s*\\(");
    private static final Set<String> CODE_KEYWORDS = Set.of("RuleSet", "Import", "Variables", "Functions", "Queries", "Declare");
    private static final Pattern CONSTRAINT = Pattern.compile("^\\s*(.+?)\\s*(>=|<=|==|!=|>|<)\\s*\"?\\$param\"?\\s*$");
    private static final Pattern FORALL_EQUALS = Pattern.compile("^\\(?\\s*forall\\(\\|\\|\\)\\{\\s*(.+?)\\s*==\\s*\"\\$\"\\s*}\\s*\\)?$");

    private RuleSetChecks() {
    }

    /** Whether the bytes are the kind of file the name says. Null when they are. */
    static String formatProblem(RuleFile file) {
        byte[] b = file.content();
        if (b.length == 0) {
            return "the file is empty";
        }
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole2 = b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0;
        if (file.name().endsWith(".drl.xlsx") && !zip) {
            return ole2 ? "this is an .xls workbook named .xlsx: save it as .xlsx, or rename it to .drl.xls" : "this is not an Excel workbook (.xlsx)";
        }
        if (file.name().endsWith(".drl.xls") && !ole2) {
            return zip ? "this is an .xlsx workbook named .xls: rename it to .drl.xlsx" : "this is not an Excel 97-2003 workbook (.xls)";
        }
        if ((file.isDrl() || file.isCsv()) && (zip || ole2)) {
            return "this is a binary workbook, not a text " + (file.isDrl() ? "DRL" : "CSV") + " file";
        }
        return null;
    }

    /** Keywords and code cells: imports only from the fact model, no Functions blocks, nothing forbidden. */
    static void checkCode(RuleFile file, SheetContent sheet, List<RuleSetProblem> errors) {
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
                checkCodeText(file, sheet.sheet(), table, column, errors);
            }
            Column name = table.columns().stream().filter(Column::isName).findFirst().orElse(null);
            for (TableRow row : table.rows()) {
                for (CellText cell : row.cells()) {
                    if (name != null && column(cell) == name.index()) {
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

    /** The same code checks for a DRL text file, by line. */
    static void checkDrl(RuleFile file, String drl, List<RuleSetProblem> errors) {
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            String where = "line " + (i + 1);
            if (line.startsWith("import ")) {
                String name = line.substring("import ".length()).replace(";", "").trim();
                if (!name.startsWith(FACTS_PACKAGE + ".")) {
                    errors.add(new RuleSetProblem(file.name(), null, where, "import " + name + " is outside the service's fact model (" + FACTS_PACKAGE + ".*)"));
                }
            }
            if (line.startsWith("function ")) {
                errors.add(new RuleSetProblem(file.name(), null, where, "functions are not allowed: rules may only use the service's fact model"));
            }
            Matcher m = FORBIDDEN.matcher(lines[i]);
            if (m.find()) {
                errors.add(new RuleSetProblem(file.name(), null, where, "\"" + m.group().trim() + "\" is not allowed in rules"));
            }
        }
    }

    /** Values that must make sense: offers, actions, guardrails, types, propensities, windows; and rows that never fire. */
    static void checkTables(RuleFile file, SheetContent sheet, OfferCatalog catalog,
                            List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
        for (Table table : sheet.tables()) {
            for (TableRow row : table.rows()) {
                for (Column column : table.columns()) {
                    CellText cell = row.cell(column);
                    if (cell == null || column.template() == null) {
                        continue;
                    }
                    String t = column.template();
                    String v = cell.text().trim();
                    if (t.contains("evaluation.propose(") && catalog.offer(v).isEmpty()) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "unknown offer id \"" + v + "\": the catalog lists "
                                + catalog.offers().keySet().stream().sorted().toList()));
                    } else if (t.contains("setPropensity(") && (cell.number() == null || cell.number() < 0 || cell.number() > 1)) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "propensity \"" + v + "\" must be a number from 0 to 1"));
                    } else if (t.contains("setAction(") && !ACTIONS.contains(v)) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "unknown action \"" + v + "\" (expected one of " + sorted(ACTIONS) + ")"));
                    } else if (t.contains("evaluation.suppress(") && !GUARDRAILS.contains(v)) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "unknown guardrail code \"" + v + "\" (expected one of " + sorted(GUARDRAILS) + ")"));
                    } else if (t.contains("setOfferTypes(") || t.contains("setType(")) {
                        for (String type : v.split("[,\\s]+")) {
                            if (Arrays.stream(OfferType.values()).noneMatch(o -> o.name().equals(type))) {
                                errors.add(at(file, sheet.sheet(), cell.ref(), "unknown offer type \"" + type + "\" (expected one of "
                                        + Arrays.toString(OfferType.values()) + ")"));
                            }
                        }
                    } else if (column.isCondition() && t.contains("$trigger") && v.matches(".*-\\s*\\d.*")) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "\"" + v + "\": a window or threshold cannot be negative"));
                    } else if ((t.contains("setValueMonthly(") || t.contains("setLever(") || t.contains("setWeight("))
                            && (cell.number() == null || cell.number() < 0)) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "\"" + v + "\" must be a number of 0 or more"));
                    }
                }
            }
            checkReachability(file, sheet.sheet(), table, errors, warnings);
        }
    }

    /** A cell whose Drools error mentions it: the cell in the row whose text holds the quoted token of the message. */
    static String cellMentioned(SheetContent sheet, int row, String message) {
        Matcher quoted = Pattern.compile("'([^']+)'|\"([^\"]+)\"").matcher(message);
        List<String> tokens = new ArrayList<>();
        while (quoted.find()) {
            tokens.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        for (Table table : sheet.tables()) {
            for (TableRow r : table.rows()) {
                if (r.row() != row) {
                    continue;
                }
                for (String token : tokens) {
                    for (CellText cell : r.cells()) {
                        if (token.length() >= 2 && cell.text().contains(token) && !Objects.equals(cell.text(), r.ruleName())) {
                            return cell.ref();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The cell of a row in the column whose template contains the fragment, e.g. where a catalog row sets its type. */
    static String cellOf(SheetContent sheet, int row, String templateFragment) {
        for (Table table : sheet.tables()) {
            for (TableRow r : table.rows()) {
                if (r.row() != row) {
                    continue;
                }
                for (Column column : table.columns()) {
                    if (column.template() != null && column.template().contains(templateFragment)) {
                        return new CellReference(row - 1, column.index()).formatAsString(false);
                    }
                }
            }
        }
        return null;
    }

    // Reachability: the first matching row per offer wins, so a later row whose conditions imply an earlier row's never fires.

    /** What one row requires of one expression: an interval, a set of values, or an exact piece of code. */
    private record Constraint(double lo, boolean loIn, double hi, boolean hiIn, Set<String> values, String code) {
        static Constraint any() {
            return new Constraint(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, null, null);
        }

        Constraint and(Constraint o) {
            double l = Math.max(lo, o.lo);
            boolean li = lo == o.lo ? loIn && o.loIn : (lo > o.lo ? loIn : o.loIn);
            double h = Math.min(hi, o.hi);
            boolean hi2 = hi == o.hi ? hiIn && o.hiIn : (hi < o.hi ? hiIn : o.hiIn);
            Set<String> v = values == null ? o.values : o.values == null ? values : intersect(values, o.values);
            return new Constraint(l, li, h, hi2, v, code != null ? code : o.code);
        }

        /** Every value allowed here is allowed by {@code wider}. */
        boolean within(Constraint wider) {
            if (wider.code != null) {
                return wider.code.equals(code);
            }
            boolean lower = lo > wider.lo || (lo == wider.lo && (wider.loIn || !loIn));
            boolean upper = hi < wider.hi || (hi == wider.hi && (wider.hiIn || !hiIn));
            boolean set = wider.values == null || (values != null && wider.values.containsAll(values));
            return lower && upper && set;
        }

        boolean disjoint(Constraint o) {
            if (values != null && o.values != null && intersect(values, o.values).isEmpty()) {
                return true;
            }
            double l = Math.max(lo, o.lo);
            double h = Math.min(hi, o.hi);
            if (l > h) {
                return true;
            }
            return l == h && !((lo < l || loIn) && (o.lo < l || o.loIn) && (hi > h || hiIn) && (o.hi > h || o.hiIn));
        }

        private static Set<String> intersect(Set<String> a, Set<String> b) {
            Set<String> r = new HashSet<>(a);
            r.retainAll(b);
            return r;
        }
    }

    private record RuleRow(TableRow row, String offer, String outcome, Map<String, Constraint> conditions) {
    }

    private static void checkReachability(RuleFile file, String sheet, Table table, List<RuleSetProblem> errors,
                                          List<RuleSetProblem> warnings) {
        Column offerColumn = table.columns().stream()
                .filter(c -> c.template() != null && c.template().contains("evaluation.propose(")).findFirst().orElse(null);
        if (offerColumn == null) {
            return;
        }
        List<RuleRow> rows = new ArrayList<>();
        for (TableRow row : table.rows()) {
            CellText offer = row.cell(offerColumn);
            if (offer == null) {
                continue;
            }
            Map<String, Constraint> conditions = new HashMap<>();
            StringBuilder outcome = new StringBuilder();
            for (Column column : table.columns()) {
                CellText cell = row.cell(column);
                if (cell == null || column.template() == null) {
                    continue;
                }
                if (column.isCondition()) {
                    addCondition(conditions, column, cell);
                } else if (column.isAction() && column != offerColumn) {
                    outcome.append(column.index()).append('=').append(cell.text()).append(';');
                }
            }
            rows.add(new RuleRow(row, offer.text().trim(), outcome.toString(), conditions));
        }
        for (int j = 0; j < rows.size(); j++) {
            RuleRow later = rows.get(j);
            boolean unreachable = false;
            for (int i = 0; i < j && !unreachable; i++) {
                RuleRow earlier = rows.get(i);
                if (!earlier.offer().equals(later.offer())) {
                    continue;
                }
                if (implies(later.conditions(), earlier.conditions())) {
                    unreachable = true;
                    errors.add(at(file, sheet, firstCell(later.row()), "row " + later.row().row() + " (" + later.row().ruleName()
                            + ") can never fire: row " + earlier.row().row() + " (" + earlier.row().ruleName()
                            + ") for " + later.offer() + " always matches first"));
                }
            }
            if (unreachable) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                RuleRow earlier = rows.get(i);
                if (earlier.offer().equals(later.offer()) && !earlier.outcome().equals(later.outcome())
                        && !disjoint(earlier.conditions(), later.conditions())) {
                    warnings.add(at(file, sheet, firstCell(later.row()), "row " + later.row().row() + " (" + later.row().ruleName()
                            + ") overlaps row " + earlier.row().row() + " (" + earlier.row().ruleName() + ") for " + later.offer()
                            + " with a different outcome; where both match, row " + earlier.row().row() + " wins"));
                    break;
                }
            }
        }
    }

    private static void addCondition(Map<String, Constraint> conditions, Column column, CellText cell) {
        String template = column.template().trim();
        Matcher forall = FORALL_EQUALS.matcher(template);
        Matcher constraint = CONSTRAINT.matcher(template);
        if (forall.matches()) {
            Set<String> values = Arrays.stream(cell.text().split(",")).map(s -> s.trim().replace("\"", "")).collect(Collectors.toSet());
            conditions.merge(forall.group(1), new Constraint(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, values, null), Constraint::and);
        } else if (constraint.matches() && cell.number() != null) {
            double v = cell.number();
            Constraint any = Constraint.any();
            Constraint c = switch (constraint.group(2)) {
                case ">=" -> new Constraint(v, true, any.hi(), true, null, null);
                case ">" -> new Constraint(v, false, any.hi(), true, null, null);
                case "<=" -> new Constraint(any.lo(), true, v, true, null, null);
                case "<" -> new Constraint(any.lo(), true, v, false, null, null);
                case "==" -> new Constraint(v, true, v, true, null, null);
                default -> new Constraint(any.lo(), true, any.hi(), true, null, template + "|" + cell.text());
            };
            conditions.merge(constraint.group(1), c, Constraint::and);
        } else if (constraint.matches() && constraint.group(2).equals("==")) {
            conditions.merge(constraint.group(1), new Constraint(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true,
                    Set.of(cell.text().trim()), null), Constraint::and);
        } else {
            String code = template + "|" + cell.text().trim();
            conditions.put(code, new Constraint(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, null, code));
        }
    }

    /** Every account that matches {@code narrow} also matches {@code wide}. */
    private static boolean implies(Map<String, Constraint> narrow, Map<String, Constraint> wide) {
        for (Map.Entry<String, Constraint> w : wide.entrySet()) {
            Constraint n = narrow.get(w.getKey());
            if (n == null || !n.within(w.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean disjoint(Map<String, Constraint> a, Map<String, Constraint> b) {
        for (Map.Entry<String, Constraint> e : a.entrySet()) {
            Constraint o = b.get(e.getKey());
            if (o != null && e.getValue().code() == null && o.code() == null && e.getValue().disjoint(o)) {
                return true;
            }
        }
        return false;
    }

    private static void checkCodeText(RuleFile file, String sheet, Table table, Column column, List<RuleSetProblem> errors) {
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

    private static CellText rightOf(CellText cell, List<CellText> row) {
        int col = column(cell);
        return row.stream().filter(c -> column(c) > col).min((a, b) -> Integer.compare(column(a), column(b))).orElse(null);
    }

    private static int column(CellText cell) {
        return new CellReference(cell.ref()).getCol();
    }

    private static String firstCell(TableRow row) {
        return row.cells().get(0).ref();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static RuleSetProblem at(RuleFile file, String sheet, String cell, String message) {
        return new RuleSetProblem(file.name(), sheet, cell, message);
    }
}
