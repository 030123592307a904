package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;
import io.nextbestaction.rules.facts.Action;
import io.nextbestaction.rules.facts.OfferType;
import io.nextbestaction.rules.facts.ServiceGuardrail;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * The values of a decision table's cells, by the template of their column: offer ids the catalog knows, propensities
 * in 0..1, actions, guardrail codes and offer types of the fact model, no negative window, no negative catalog number.
 */
final class ValueChecks {

    /** Guardrail codes are whatever the guardrail workbook names, written like an enum constant. */
    private static final Pattern GUARDRAIL_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

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
                    } else if (t.contains("setAction(") && Action.named(v).isEmpty()) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "unknown action \"" + v + "\" (expected one of "
                                + Arrays.toString(Action.values()) + ")"));
                    } else if (t.contains("evaluation.suppress(") && !GUARDRAIL_CODE.matcher(v).matches()) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "\"" + v
                                + "\": a guardrail code is written in capitals with underscores, e.g. SUPPORT_COOLDOWN"));
                    } else if (t.contains("evaluation.suppress(") && ServiceGuardrail.isReserved(v)) {
                        ServiceGuardrail reserved = ServiceGuardrail.valueOf(v);
                        errors.add(at(file, sheet.sheet(), cell.ref(), v + " is the service's own guardrail (" + meaning(reserved)
                                + "); a row cannot report it"));
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

    /** What a guardrail the service applies itself stands for, in an analyst's words. */
    private static String meaning(ServiceGuardrail guardrail) {
        return switch (guardrail) {
            case NO_CHANNEL -> "an offer left with no channel";
        };
    }
}
