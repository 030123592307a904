package io.nextbestaction.playbook;

import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.rules.facts.Action;
import io.nextbestaction.rules.facts.OfferType;

import java.util.Arrays;
import java.util.List;

/** The shape of a playbook workbook, as {@link PlaybookContent} spells it out and {@link PlaybookWorkbooks} writes it. */
final class Playbook {

    private Playbook() {
    }

    /** A workbook of one sheet: title, description, RuleSet header keywords (after RuleSet, Import, Variables) and tables. */
    record Book(String file, String sheet, String title, String description, String ruleSet, String variables,
                List<String[]> properties, List<Table> tables) {
    }

    /** A RuleTable: the row (1-based) of its {@code RuleTable} cell, the object type of its conditions, columns, rows. */
    record Table(int row, String name, String objectType, List<Column> columns, List<List<Object>> rows) {
        int headerRow() {
            return row + 4;
        }

        int lastRow() {
            return headerRow() + rows.size();
        }
    }

    /** A column: Drools keyword and template, its name in plain words, what it holds, and what it means (the note). */
    record Column(String keyword, String template, String name, Kind kind, String note) {
        boolean isCondition() {
            return keyword.equals("CONDITION");
        }
    }

    /** What a column holds: how its cells look and which values a dropdown offers. */
    enum Kind {
        TEXT, NUMBER, PERCENT, OFFER, ACTION, OFFER_TYPE, OFFER_TYPES, GUARDRAIL, PLAN, SEGMENTS, BILLING_CYCLE, PRODUCT, FEATURE,
        /** The Learn column: a prior strength in presentations. */
        STRENGTH,
        /** The Explore column. */
        YES_NO;

        /** The values a dropdown lists; empty for free text and numbers. Offer ids and codes come from the playbook. */
        List<String> values(PlaybookContent.Lists lists) {
            return switch (this) {
                case OFFER -> lists.offerIds();
                case GUARDRAIL -> lists.guardrailCodes();
                case ACTION -> names(Action.values());
                case OFFER_TYPE, OFFER_TYPES -> names(OfferType.values());
                case SEGMENTS -> names(DecisionRequest.Segment.values());
                case BILLING_CYCLE -> names(DecisionRequest.BillingCycle.values());
                case PLAN -> PlaybookContent.PLANS;
                case PRODUCT -> PlaybookContent.PRODUCTS;
                case FEATURE -> PlaybookContent.FEATURES;
                case YES_NO -> List.of("yes", "no");
                default -> List.of();
            };
        }

        /** Whether a value outside the list is refused (enums) or only warned about (open lists, several values). */
        boolean strict() {
            return this == ACTION || this == OFFER_TYPE || this == BILLING_CYCLE || this == OFFER || this == YES_NO;
        }

        /** Whether a cell may hold several values, comma-separated. */
        boolean several() {
            return this == OFFER_TYPES || this == SEGMENTS;
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
