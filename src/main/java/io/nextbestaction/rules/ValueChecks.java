package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.CellText;
import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.facts.OfferType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * The values of a decision table's cells, by the template of their column: offer ids the catalog knows, propensities
 * in 0..1, known actions, guardrail codes and offer types, no negative window, no negative catalog number.
 */
final class ValueChecks {

    private static final Set<String> GUARDRAILS = Set.of("NOT_READY", "SUPPORT_COOLDOWN", "DOWNGRADE_COOLDOWN", "POST_PURCHASE",
            "FREQUENCY_CAP", "DISMISSED_RECENTLY", "NO_CHANNEL");
    private static final Set<String> ACTIONS = Set.of("SELF_SERVE", "SALES_HANDOFF", "CS_TASK");

    private ValueChecks() {
    }

    static void check(RuleFile file, SheetContent sheet, OfferCatalog catalog, List<RuleSetProblem> errors) {
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
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
