package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.Signal;
import io.nextbestaction.rules.facts.Usage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Test helper: the shipped playbook re-saved by another program must read as the shipped one, rule by rule (name,
 * row and DRL, whitespace aside) and decision by decision.
 */
final class ResaveComparison {

    private ResaveComparison() {
    }

    static void assertReadsAsShipped(List<RuleFile> resaved, String writer) throws RuleSetInvalidException {
        List<RuleFile> shipped = Workbooks.shippedPlaybook();
        assertEquals(names(shipped), names(resaved), writer + ": the same files");
        for (RuleFile original : shipped) {
            RuleFile copy = resaved.stream().filter(f -> f.name().equals(original.name())).findFirst().orElseThrow();
            Map<String, String> expected = rulesOf(original);
            Map<String, String> actual = rulesOf(copy);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), writer + ": the rules and rows of " + original.name());
            expected.forEach((rule, drl) -> assertEquals(drl, actual.get(rule), writer + ": the DRL of " + rule));
        }
        RuleSetCompiler compiler = new RuleSetCompiler();
        RuleSet before = compiler.compile(shipped);
        RuleSet after = compiler.compile(resaved);
        assertEquals(before.decisionRows(), after.decisionRows(), writer + ": the decision rows");
        assertEquals(before.catalog(), after.catalog(), writer + ": the catalog");
        assertEquals(before.guardrails(), after.guardrails(), writer + ": the guardrail codes");
        assertEquals(before.warnings(), after.warnings(), writer + ": the warnings");
        for (Account account : accounts()) {
            Findings expected = before.evaluate(account);
            assertFalse(expected.firedRows().isEmpty(), account.getId() + " should fire some rows");
            assertEquals(expected, after.evaluate(account), writer + ": the findings for " + account.getId());
        }
    }

    /**
     * Each rule of a file by sheet, name and row, with its DRL from the comment Drools writes above it to the next
     * rule, whitespace collapsed; the DRL before the first rule (package, imports, globals) under "header".
     */
    private static Map<String, String> rulesOf(RuleFile file) {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<DrlSource> sources = RuleFileReader.read(file, problems);
        assertEquals(List.of(), problems, file.name());
        Map<String, String> rules = new LinkedHashMap<>();
        for (DrlSource source : sources) {
            List<String> lines = Arrays.asList(source.drl().split("\n", -1));
            List<DroolsInternals.GeneratedRule> generated = source.rules();
            String where = file.name() + " › " + source.sheet() + " › ";
            rules.put(where + "header", collapsed(lines.subList(0, generated.isEmpty() ? lines.size() : generated.get(0).line() - 1)));
            for (int i = 0; i < generated.size(); i++) {
                DroolsInternals.GeneratedRule rule = generated.get(i);
                int end = i + 1 < generated.size() ? generated.get(i + 1).line() - 1 : lines.size();
                rules.put(where + "row " + rule.row() + " \"" + rule.name() + "\"", collapsed(lines.subList(rule.line() - 1, end)));
            }
        }
        return rules;
    }

    /** How many covered cells of merged regions (all but each region's first cell) a workbook writes. */
    static int coveredCellsWritten(RuleFile file) throws IOException {
        int written = 0;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        Row row = sheet.getRow(r);
                        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                            boolean first = r == region.getFirstRow() && c == region.getFirstColumn();
                            written += !first && row != null && row.getCell(c) != null ? 1 : 0;
                        }
                    }
                }
            }
        }
        return written;
    }

    private static String collapsed(List<String> lines) {
        return String.join("\n", lines).replaceAll("\\s+", " ").trim();
    }

    private static List<String> names(List<RuleFile> files) {
        return files.stream().map(RuleFile::name).sorted(Comparator.naturalOrder()).toList();
    }

    /** Accounts that, between them, fire rows of every workbook. */
    static List<Account> accounts() {
        Account nearlyFull = account("nearly-full", "SMB", "TEAM");
        nearlyFull.setBillingCycle("MONTHLY");
        nearlyFull.setTenureDays(200);
        nearlyFull.setSeatsUsed(9);
        nearlyFull.setUsage(Map.of("storageGb", new Usage(90, 100.0)));
        nearlyFull.setDaysSinceDowngrade(20);

        Account renewing = account("renewing", "MID_MARKET", "BUSINESS");
        renewing.setSeatsUsed(60);
        renewing.setSeatsLimit(60);
        renewing.setDaysToRenewal(60);
        renewing.setDaysSinceLastPurchase(3);

        Account comparing = account("comparing", "SMB", "TEAM");
        comparing.setSignals(List.of(new Signal("PLAN_COMPARISON", 3), new Signal("PLAN_COMPARISON", 5)));
        comparing.setFeaturesUsed(Set.of("reports", "workflows"));
        comparing.setActiveRoles(3);

        Account unhealthy = account("unhealthy", "ENTERPRISE", "BUSINESS");
        unhealthy.setHealthScore(40);
        unhealthy.setOpenTickets(2);
        unhealthy.setDaysSinceLastTicket(3);
        return List.of(nearlyFull, renewing, comparing, unhealthy);
    }

    private static Account account(String id, String segment, String plan) {
        Account account = new Account();
        account.setId(id);
        account.setSegment(segment);
        account.setPlan(plan);
        account.setSeatsUsed(5);
        account.setSeatsLimit(10);
        account.setHealthScore(80);
        account.setOpenTickets(0);
        account.setNow(Instant.parse("2026-06-01T12:00:00Z"));
        return account;
    }
}
