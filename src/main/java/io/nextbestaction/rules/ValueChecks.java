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

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * The values of a decision table's cells that need the catalog or the fact model, by the template of their column:
 * offer ids the catalog knows, actions and offer types of the fact model, and no guardrail code the service reserves
 * (the shape of every value was checked before the rules were built: {@link CellChecks}).
 */
final class ValueChecks {

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
                    } else if (t.contains("setAction(") && Action.named(v).isEmpty()) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), "unknown action \"" + v + "\" (expected one of "
                                + Arrays.toString(Action.values()) + ")"));
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
