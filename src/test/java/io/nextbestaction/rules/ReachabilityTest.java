package io.nextbestaction.rules;

import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows that can never fire or that compete, on offer tables built cell by cell: no workbook, no server, no database. */
class ReachabilityTest {

    private static final RuleFile FILE = new RuleFile("upsell.drl.xlsx", new byte[0]);
    private static final String SHEET = "Upsell";
    private static final int FIRST_ROW = 13;

    private static final String SEATS_AT_LEAST = "seatUtilization >= $param";
    private static final String SEATS_ABOVE = "seatUtilization > $param";
    private static final String SEATS_BELOW = "seatUtilization < $param";
    private static final String SEGMENT = "(forall(||){segment == \"$\"})";
    private static final String NOT_OWNED = "!owns(\"$param\")";

    private final List<RuleSetProblem> errors = new ArrayList<>();
    private final List<RuleSetProblem> warnings = new ArrayList<>();

    @Test
    void shouldRejectANarrowerThresholdAfterAWiderOneForTheSameOffer() {
        check(List.of(SEATS_AT_LEAST),
                row("seats 80%", 0.8, "seat-pack-10", "SELF_SERVE"),
                row("seats 90%", 0.9, "seat-pack-10", "SALES_HANDOFF"));
        assertEquals(List.of(problem("A14", "row 14 (seats 90%) can never fire: row 13 (seats 80%) for seat-pack-10 always matches first")),
                errors);
        assertEquals(List.of(), warnings, "an unreachable row is not also reported as overlapping");
    }

    @Test
    void shouldAcceptAWiderThresholdAfterANarrowerOne() {
        check(List.of(SEATS_AT_LEAST),
                row("seats 90%", 0.9, "seat-pack-10", "SELF_SERVE"),
                row("seats 80%", 0.8, "seat-pack-10", "SELF_SERVE"));
        assertEquals(List.of(), errors);
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldNeverShadowARowForAnotherOffer() {
        check(List.of(SEATS_AT_LEAST),
                row("seats 80%", 0.8, "seat-pack-10", "SELF_SERVE"),
                row("seats 90%", 0.9, "seat-pack-25", "SALES_HANDOFF"));
        assertEquals(List.of(), errors);
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldAcceptMoreSegmentsAfterFewer() {
        check(List.of(SEGMENT),
                row("SMB teams", "SMB", "annual-switch", "SELF_SERVE"),
                row("SMB and mid-market teams", "SMB, MID", "annual-switch", "SELF_SERVE"));
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldRejectFewerSegmentsAfterMore() {
        check(List.of(SEGMENT),
                row("SMB and mid-market teams", "SMB, MID", "annual-switch", "SELF_SERVE"),
                row("SMB teams", "SMB", "annual-switch", "SALES_HANDOFF"));
        assertEquals(List.of(problem("A14",
                "row 14 (SMB teams) can never fire: row 13 (SMB and mid-market teams) for annual-switch always matches first")), errors);
    }

    @Test
    void shouldRejectAStrictBoundAfterAnInclusiveOneAtTheSameValue() {
        check(List.of(SEATS_AT_LEAST, SEATS_ABOVE),
                row("seats from 80%", 0.8, null, "seat-pack-10", "SELF_SERVE"),
                row("seats above 80%", null, 0.8, "seat-pack-10", "SELF_SERVE"));
        assertEquals(List.of(problem("A14",
                "row 14 (seats above 80%) can never fire: row 13 (seats from 80%) for seat-pack-10 always matches first")), errors);
    }

    @Test
    void shouldAcceptAnInclusiveBoundAfterAStrictOneAtTheSameValue() {
        check(List.of(SEATS_AT_LEAST, SEATS_ABOVE),
                row("seats above 80%", null, 0.8, "seat-pack-10", "SELF_SERVE"),
                row("seats from 80%", 0.8, null, "seat-pack-10", "SELF_SERVE"));
        assertEquals(List.of(), errors);
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldRejectARowWhoseCodeConditionIsIdenticalToAnEarlierOne() {
        check(List.of(NOT_OWNED, SEATS_AT_LEAST),
                row("no analytics yet", "analytics", null, "analytics-add-on", "SELF_SERVE"),
                row("no analytics, seats 90%", "analytics", 0.9, "analytics-add-on", "SALES_HANDOFF"));
        assertEquals(List.of(problem("A14",
                "row 14 (no analytics, seats 90%) can never fire: row 13 (no analytics yet) for analytics-add-on always matches first")),
                errors);
    }

    @Test
    void shouldNotCompareCodeConditionsThatDiffer() {
        check(List.of(NOT_OWNED),
                row("no analytics yet", "analytics", "analytics-add-on", "SELF_SERVE"),
                row("no SSO yet", "sso", "analytics-add-on", "SELF_SERVE"));
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldWarnAboutOverlappingRowsWithADifferentOutcome() {
        check(List.of(SEATS_AT_LEAST),
                row("seats 90%", 0.9, "seat-pack-10", "SALES_HANDOFF"),
                row("seats 80%", 0.8, "seat-pack-10", "SELF_SERVE"));
        assertEquals(List.of(), errors);
        assertEquals(List.of(problem("A14", "row 14 (seats 80%) overlaps row 13 (seats 90%) for seat-pack-10 with a different outcome;"
                + " where both match, row 13 wins")), warnings);
    }

    @Test
    void shouldNotWarnAboutOverlappingRowsWithTheSameOutcome() {
        check(List.of(SEATS_AT_LEAST),
                row("seats 90%", 0.9, "seat-pack-10", "SELF_SERVE"),
                row("seats 80%", 0.8, "seat-pack-10", "SELF_SERVE"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldNotWarnAboutRowsWhoseIntervalsAreDisjoint() {
        check(List.of(SEATS_BELOW, SEATS_AT_LEAST),
                row("seats below 50%", 0.5, null, "seat-pack-10", "SELF_SERVE"),
                row("seats from 80%", null, 0.8, "seat-pack-10", "SALES_HANDOFF"));
        assertEquals(List.of(), errors);
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldNotWarnAboutIntervalsThatOnlyTouchAtAnOpenBound() {
        check(List.of(SEATS_BELOW, SEATS_AT_LEAST),
                row("seats below 80%", 0.8, null, "seat-pack-10", "SELF_SERVE"),
                row("seats from 80%", null, 0.8, "seat-pack-10", "SALES_HANDOFF"));
        assertEquals(List.of(), warnings);
    }

    /** A row's values: its rule name, a value (or null: empty) per condition, the offer id and the action. */
    private static Object[] row(Object... values) {
        return values;
    }

    /** An offer table laid out like the shipped workbooks: a NAME column, the conditions, the offer, the action. */
    private void check(List<String> conditionTemplates, Object[]... rowValues) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(0, "NAME", null, null, "Rule"));
        for (String template : conditionTemplates) {
            columns.add(new Column(columns.size(), "CONDITION", "$account: Account", template, template));
        }
        columns.add(new Column(columns.size(), "ACTION", null, "Proposal offer = evaluation.propose(drools, \"$param\");", "Offer"));
        columns.add(new Column(columns.size(), "ACTION", null, "offer.setAction(\"$param\");", "Action"));
        List<TableRow> rows = new ArrayList<>();
        for (Object[] values : rowValues) {
            int row = FIRST_ROW + rows.size();
            List<CellText> cells = new ArrayList<>();
            for (int col = 0; col < values.length; col++) {
                if (values[col] != null) {
                    cells.add(cell(row, col, values[col]));
                }
            }
            rows.add(new TableRow(row, (String) values[0], cells));
        }
        Reachability.check(FILE, new Table(SHEET, "Upsell offers", columns, rows), errors, warnings);
    }

    private static CellText cell(int row, int col, Object value) {
        String ref = new CellReference(row - 1, col).formatAsString(false);
        return value instanceof Double number ? new CellText(ref, row, col, String.valueOf(number), number, SheetCells.NOT_MERGED)
                : new CellText(ref, row, col, (String) value, null, SheetCells.NOT_MERGED);
    }

    private static RuleSetProblem problem(String cell, String message) {
        return new RuleSetProblem(FILE.name(), SHEET, cell, message);
    }
}
