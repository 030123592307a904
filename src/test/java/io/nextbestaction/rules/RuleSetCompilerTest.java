package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.OfferType;
import io.nextbestaction.rules.facts.Account;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler on its own: no server, no database. */
class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private static Account seatsUsed(int used) {
        Account account = new Account();
        account.setId("compiler-test");
        account.setSeatsUsed(used);
        account.setSeatsLimit(10);
        return account;
    }

    private List<String> proposedOffers(RuleSet ruleSet, Account account) {
        return ruleSet.evaluate(account).proposals().stream().map(ProposedOffer::offerId).toList();
    }

    @Test
    void shouldCompileTheShippedPlaybookWithItsCatalog() throws Exception {
        RuleSet ruleSet = compiler.compile(Workbooks.shippedPlaybook());
        assertEquals(9, ruleSet.catalog().offers().size());
        assertEquals(OfferType.ENABLEMENT, ruleSet.catalog().offer("enablement-academy").orElseThrow().type());
        assertEquals(1.0, ruleSet.catalog().weightOf("no-such-placement"));
        assertEquals(ruleSet.version(), compiler.compile(Workbooks.shippedPlaybook()).version(), "same files, same version");
    }

    @Test
    void shouldCompileAChangedWorkbookFreshUnderTheSameName() throws Exception {
        RuleSet before = compiler.compile(Workbooks.shippedPlaybook());
        assertTrue(proposedOffers(before, seatsUsed(9)).contains("seat-pack-10"));

        // The analyst raises the "seats nearly full" threshold (row 14, column B) from 0.8 to 0.95.
        RuleFile edited = Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "B14", 0.95);
        RuleSet after = compiler.compile(Workbooks.playbookWith(edited));

        assertNotEquals(before.version(), after.version());
        assertTrue(proposedOffers(after, seatsUsed(9)).isEmpty(), "0.9 is below the new threshold");
        assertTrue(proposedOffers(after, seatsUsed(10)).contains("seat-pack-10"));
    }

    @Test
    void shouldLocateABrokenConditionByWorkbookSheetAndRow() {
        RuleFile broken = Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "B14", "0.8 0.9");
        RuleSetInvalidException e = assertThrows(RuleSetInvalidException.class, () -> compiler.compile(Workbooks.playbookWith(broken)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("add-on.drl.xlsx") && "Add-ons".equals(p.sheet())
                && "B14".equals(p.cell())), e.getMessage());
    }

    @Test
    void shouldRejectAnUnknownOfferTypeInTheCatalog() {
        RuleFile catalog = Workbooks.withCell(Workbooks.shipped("offer-catalog.drl.xlsx"), "Catalog", "C14", "FREEBIE");
        RuleSetInvalidException e = assertThrows(RuleSetInvalidException.class, () -> compiler.compile(Workbooks.playbookWith(catalog)));
        assertTrue(e.getMessage().contains("offer-catalog.drl.xlsx › Catalog C14: unknown offer type \"FREEBIE\""), e.getMessage());
    }

    @Test
    void shouldRejectADuplicateOfferId() {
        RuleFile catalog = Workbooks.withCell(Workbooks.shipped("offer-catalog.drl.xlsx"), "Catalog", "B15", "seat-pack-10");
        RuleSetInvalidException e = assertThrows(RuleSetInvalidException.class, () -> compiler.compile(Workbooks.playbookWith(catalog)));
        assertTrue(e.getMessage().contains("duplicate offer id seat-pack-10"), e.getMessage());
    }

    @Test
    void shouldCompileDrlBesideTheWorkbooks() throws Exception {
        String drl = """
                package expansion.extra;
                import io.nextbestaction.rules.facts.*;
                global io.nextbestaction.rules.facts.Evaluation evaluation;
                rule "Storage add-on for heavy event users"
                when
                    Account(usageUtilization("events") >= 0.95)
                then
                    Proposal offer = evaluation.propose(drools, "storage-addon-100gb");
                    offer.setPropensity(0.2);
                    offer.setAction("SELF_SERVE");
                end
                """;
        List<RuleFile> files = Workbooks.playbookWith(new RuleFile("extra.drl", drl.getBytes(StandardCharsets.UTF_8)));
        RuleSet ruleSet = compiler.compile(files);
        Account account = seatsUsed(1);
        account.setUsage(java.util.Map.of("events", new io.nextbestaction.rules.facts.Usage(96, 100.0)));
        assertEquals("extra.drl › rule \"Storage add-on for heavy event users\"",
                ruleSet.evaluate(account).proposals().get(0).row().toString());
    }

    @Test
    void shouldRejectBytesThatAreNotASpreadsheet() {
        RuleFile junk = new RuleFile("junk.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        RuleSetInvalidException e = assertThrows(RuleSetInvalidException.class, () -> compiler.compile(Workbooks.playbookWith(junk)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("junk.drl.xlsx")), e.getMessage());
    }
}
