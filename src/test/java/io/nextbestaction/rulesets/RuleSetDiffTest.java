package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.nextbestaction.rulesets.VersionDiff.CellChange;
import io.nextbestaction.rulesets.VersionDiff.Change;
import io.nextbestaction.rulesets.VersionDiff.RowChange;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.annualSwitchPropensity;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.upload;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two versions side by side, row by row, as a reviewer reads them. */
@QuarkusTest
class RuleSetDiffTest {

    static final String ANNUAL_SWITCH = "Annual billing: monthly payer for 90 days or more";

    @Test
    void shouldShowTheChangedCellOfItsRule() {
        List<RowChange> rows = RuleSetDiff.rows(Workbooks.shippedPlaybook(), Workbooks.playbookWith(annualSwitchPropensity(0.45)));
        assertEquals(List.of(new RowChange("upsell.drl.xlsx", "Upsell", ANNUAL_SWITCH, Change.CHANGED, 17, 17,
                List.of(new CellChange("Propensity", "0.3", "0.45")))), rows);
    }

    @Test
    void shouldShowADeletedRowAndNotTheRowsBelowItThatMovedUp() {
        RuleFile upsell = Workbooks.edited(Workbooks.shipped("upsell.drl.xlsx"), workbook -> {
            Sheet sheet = workbook.getSheet("Upsell");
            sheet.shiftRows(14, sheet.getLastRowNum(), -1);
        });
        List<RowChange> rows = RuleSetDiff.rows(Workbooks.shippedPlaybook(), Workbooks.playbookWith(upsell));
        assertEquals(1, rows.size(), rows.toString());
        RowChange removed = rows.get(0);
        assertEquals(Change.REMOVED, removed.change());
        assertEquals("Business plan: near the usage limit", removed.rule());
        assertEquals(14, removed.rowBefore());
        assertEquals(new CellChange("Propensity", "0.35", null),
                removed.cells().stream().filter(c -> c.column().equals("Propensity")).findFirst().orElseThrow());
    }

    @Test
    void shouldShowARuleOfADrlFileAsItsText() {
        RuleFile before = new RuleFile("extra.drl", """
                package rules
                rule "one"
                when
                then
                end
                """.getBytes(StandardCharsets.UTF_8));
        RuleFile after = new RuleFile("extra.drl", """
                package rules
                rule "one"
                    salience 5
                when
                then
                end
                rule "two"
                when
                then
                end
                """.getBytes(StandardCharsets.UTF_8));
        List<RowChange> rows = RuleSetDiff.rows(List.of(before), List.of(after));
        assertEquals(List.of(Change.CHANGED, Change.ADDED), rows.stream().map(RowChange::change).toList());
        assertEquals("rule \"one\"\n    salience 5\nwhen\nthen\nend", rows.get(0).cells().get(0).after());
        assertEquals(List.of(), RuleSetDiff.rows(List.of(after), List.of(after)));
    }

    @Test
    void shouldCompareTwoStoredVersionsThroughTheApi() {
        int version = upload(Workbooks.playbookWith(annualSwitchPropensity(0.45)), "annual switch up", 201);
        viewer().get("/rulesets/1/diff/" + version).then().statusCode(200)
                .body("before", equalTo(1))
                .body("after", equalTo(version))
                .body("files.file", contains("upsell.drl.xlsx"))
                .body("files.change", contains("CHANGED"))
                .body("rows.rule", contains(ANNUAL_SWITCH))
                .body("rows[0].cells[0].column", equalTo("Propensity"))
                .body("rows[0].cells[0].before", equalTo("0.3"))
                .body("rows[0].cells[0].after", equalTo("0.45"))
                .body("expectationsChanged.size()", equalTo(0));
        // The other way round, the same cell goes back.
        viewer().get("/rulesets/" + version + "/diff/1").then().statusCode(200)
                .body("rows[0].cells[0].before", equalTo("0.45"))
                .body("rows[0].cells[0].after", equalTo("0.3"));
        viewer().get("/rulesets/1/diff/1").then().statusCode(200).body("files", empty()).body("rows", empty());
        viewer().get("/rulesets/1/diff/9999").then().statusCode(404).contentType("application/problem+json");
        given().get("/rulesets/1/diff/" + version).then().statusCode(401);
    }
}
