package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * Rows of an offer table that never fire or compete. The first matching row per offer wins, so a later row whose
 * conditions imply an earlier row's for the same offer can never fire (an error); rows for one offer that can both
 * match with different outcomes are a warning. Conditions are compared as {@link Constraint}s per expression.
 */
final class Reachability {

    /** A template comparing an expression with the cell: {@code seatUtilization >= $param}, {@code plan == "$param"}. */
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(.+?)\\s*(>=|<=|==|!=|>|<)\\s*\"?\\$param\"?\\s*$");
    /** A template matching one of the cell's comma-separated values: {@code (forall(||){segment == "$"})}. */
    private static final Pattern FORALL_EQUALS = Pattern.compile("^\\(?\\s*forall\\(\\|\\|\\)\\{\\s*(.+?)\\s*==\\s*\"\\$\"\\s*}\\s*\\)?$");

    /** A row that proposes an offer: its outcome (the other action cells) and its conditions by expression. */
    private record OfferRow(TableRow row, String offer, String outcome, Map<String, Constraint> conditions) {
    }

    private Reachability() {
    }

    static void check(RuleFile file, SheetContent sheet, List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
        for (Table table : sheet.tables()) {
            check(file, table, errors, warnings);
        }
    }

    /** One table; a table without an offer column (evaluation.propose) has nothing to check. */
    static void check(RuleFile file, Table table, List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
        Column offerColumn = table.columns().stream()
                .filter(c -> c.template() != null && c.template().contains("evaluation.propose(")).findFirst().orElse(null);
        if (offerColumn == null) {
            return;
        }
        List<OfferRow> rows = new ArrayList<>();
        for (TableRow row : table.rows()) {
            CellText offer = row.cell(offerColumn);
            if (offer != null) {
                rows.add(offerRow(table, row, offerColumn, offer));
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            OfferRow later = rows.get(j);
            OfferRow shadowing = null;
            for (int i = 0; i < j && shadowing == null; i++) {
                OfferRow earlier = rows.get(i);
                if (earlier.offer().equals(later.offer()) && implies(later.conditions(), earlier.conditions())) {
                    shadowing = earlier;
                }
            }
            if (shadowing != null) {
                errors.add(at(file, table.sheet(), firstCell(later.row()), "row " + later.row().row() + " (" + later.row().ruleName()
                        + ") can never fire: row " + shadowing.row().row() + " (" + shadowing.row().ruleName()
                        + ") for " + later.offer() + " always matches first"));
                continue;
            }
            for (int i = 0; i < j; i++) {
                OfferRow earlier = rows.get(i);
                if (earlier.offer().equals(later.offer()) && !earlier.outcome().equals(later.outcome())
                        && !disjoint(earlier.conditions(), later.conditions())) {
                    warnings.add(at(file, table.sheet(), firstCell(later.row()), "row " + later.row().row() + " (" + later.row().ruleName()
                            + ") overlaps row " + earlier.row().row() + " (" + earlier.row().ruleName() + ") for " + later.offer()
                            + " with a different outcome; where both match, row " + earlier.row().row() + " wins"));
                    break;
                }
            }
        }
    }

    private static OfferRow offerRow(Table table, TableRow row, Column offerColumn, CellText offer) {
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
        return new OfferRow(row, offer.text().trim(), outcome.toString(), conditions);
    }

    private static void addCondition(Map<String, Constraint> conditions, Column column, CellText cell) {
        String template = column.template().trim();
        Matcher forall = FORALL_EQUALS.matcher(template);
        Matcher comparison = COMPARISON.matcher(template);
        if (forall.matches()) {
            Set<String> values = Arrays.stream(cell.text().split(",")).map(s -> s.trim().replace("\"", "")).collect(Collectors.toSet());
            conditions.merge(forall.group(1), Constraint.oneOf(values), Constraint::and);
        } else if (comparison.matches() && cell.number() != null) {
            double v = cell.number();
            Constraint c = switch (comparison.group(2)) {
                case ">=" -> Constraint.atLeast(v, true);
                case ">" -> Constraint.atLeast(v, false);
                case "<=" -> Constraint.atMost(v, true);
                case "<" -> Constraint.atMost(v, false);
                case "==" -> Constraint.exactly(v);
                default -> Constraint.code(template + "|" + cell.text()); // !=: only the same code implies it
            };
            conditions.merge(comparison.group(1), c, Constraint::and);
        } else if (comparison.matches() && comparison.group(2).equals("==")) {
            conditions.merge(comparison.group(1), Constraint.oneOf(Set.of(cell.text().trim())), Constraint::and);
        } else {
            String code = template + "|" + cell.text().trim();
            conditions.put(code, Constraint.code(code));
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

    /** No account matches both: some expression, not code, has no value that both allow. */
    private static boolean disjoint(Map<String, Constraint> a, Map<String, Constraint> b) {
        for (Map.Entry<String, Constraint> e : a.entrySet()) {
            Constraint o = b.get(e.getKey());
            if (o != null && e.getValue().code() == null && o.code() == null && e.getValue().disjoint(o)) {
                return true;
            }
        }
        return false;
    }

    private static String firstCell(TableRow row) {
        return row.cells().get(0).ref();
    }
}
