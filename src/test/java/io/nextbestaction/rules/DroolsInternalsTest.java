package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the service relies on in Drools beyond its public API. If a Drools upgrade changes how a decision table
 * becomes DRL, these fail before any explanation names a wrong row.
 */
class DroolsInternalsTest {

    @Test
    void shouldTraceEveryRuleOfEveryShippedWorkbookToItsOwnRow() throws Exception {
        for (RuleFile file : Workbooks.shippedPlaybook()) {
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                for (Sheet sheet : workbook) {
                    if (sheet.getSheetName().equals("How to edit")) {
                        continue; // the analysts' guide, not a decision table
                    }
                    List<DroolsInternals.GeneratedRule> rules = DroolsInternals.rulesOf(DroolsInternals.sheetToDrl(DecisionTableReader.read(sheet)));
                    assertFalse(rules.isEmpty(), file.name() + " › " + sheet.getSheetName() + " gives no rules");
                    List<Integer> rows = new ArrayList<>();
                    for (DroolsInternals.GeneratedRule rule : rules) {
                        assertTrue(rule.row() > 0, file.name() + ": rule " + rule.name() + " has no row");
                        rows.add(rule.row());
                    }
                    assertEquals(rows.stream().sorted().distinct().toList(), rows, file.name() + ": one rule per row, in row order");
                }
            }
        }
    }

    @Test
    void shouldNameTheRowAndRuleAnAnalystSeesInTheWorkbook() throws Exception {
        RuleFile addOns = Workbooks.shipped("add-on.drl.xlsx");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(addOns.content()))) {
            String drl = DroolsInternals.sheetToDrl(DecisionTableReader.read(workbook.getSheet("Add-ons")));
            List<DroolsInternals.GeneratedRule> rules = DroolsInternals.rulesOf(drl);
            DroolsInternals.GeneratedRule seatPack = rules.stream().filter(r -> r.row() == 14).findFirst().orElseThrow();
            assertEquals("Seat pack: seats nearly full", seatPack.name());
        }
    }

    @Test
    void shouldExplainAProposalByItsWorkbookRowAfterCompiling() throws Exception {
        RuleSet ruleSet = new RuleSetCompiler().compile(Workbooks.shippedPlaybook());
        Account account = new Account();
        account.setId("drools-internals");
        account.setPlan("TEAM");
        account.setSeatsUsed(9);
        account.setSeatsLimit(10);
        ProposedOffer seatPack = ruleSet.evaluate(account).proposals().stream()
                .filter(p -> p.offerId().equals("seat-pack-10")).findFirst().orElseThrow();
        assertEquals("add-on.drl.xlsx › Add-ons row 14: Seat pack: seats nearly full", seatPack.row().toString());
    }

    @Test
    void shouldReadRulesOfPlainDrlWithoutARow() {
        List<DroolsInternals.GeneratedRule> rules = DroolsInternals.rulesOf("""
                package extra;
                rule "Hand written"
                when
                then
                end
                """);
        assertEquals(List.of(new DroolsInternals.GeneratedRule("extra", "Hand written", 2, 0)), rules);
    }
}
