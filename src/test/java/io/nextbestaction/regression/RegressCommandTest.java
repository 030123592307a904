package io.nextbestaction.regression;

import io.nextbestaction.log.DecisionIds;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command QA runs: a line per case, a diff naming the rows, the totals, and the exit code. */
public class RegressCommandTest {

    public record Run(int exitCode, String out, String err) {
    }

    public static Run regress(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RegressCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Unreadable input is named on one plain line of stderr, never with a stack trace. */
    static void assertOneLine(Run run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    /** This test's own decision log, in the test database. */
    static final String SCHEMA = "regress_command_test";

    /** The test database as the Quarkus tests are given it, without parameters such as currentSchema. */
    public static String testDatabase() {
        return System.getProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test").replaceFirst("\\?.*", "");
    }

    /**
     * An empty decision log, migrated as the service migrates its own, in the schema {@link #SCHEMA} of the test
     * database; returns a URL that writes there.
     */
    static String emptyLog() {
        String url = testDatabase() + "?currentSchema=" + SCHEMA;
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", "").schemas(SCHEMA).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return url;
    }

    /** A decision as the service logs it, here with no offers and no suppressions; returns its id. */
    static String log(String database, String request) throws SQLException {
        UUID id = DecisionIds.next(System.currentTimeMillis());
        try (Connection connection = DriverManager.getConnection(database, "postgres", "");
             PreparedStatement insert = connection.prepareStatement("""
                     insert into decision (id, account_id, ruleset_version, request, offers, suppressed, response, holdout, created_at)
                     values (?, 'acc', 'v1', cast(? as json), '[]', '[]', '{}', false, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, request);
            insert.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id.toString();
    }

    static Path folderWith(Path dir, List<RuleFile> files) throws IOException {
        for (RuleFile f : files) {
            Files.write(dir.resolve(f.name()), f.content());
        }
        return dir;
    }

    @Test
    void shouldPassTheShippedSuiteOnTheShippedPlaybook() {
        Run run = regress();
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("PASS  seats at 90% get the seat pack in app"), run.out());
        assertTrue(run.out().strip().endsWith("0 failed"), run.out());
    }

    @Test
    void shouldFailWithADiffThatNamesTheRowOfABrokenWorkbook(@TempDir Path dir) throws IOException {
        // The "seats nearly full" threshold moved from 0.8 to 0.95: accounts at 90% lose their seat pack.
        RuleFile broken = Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "B14", 0.95);
        Run run = regress("--rules", folderWith(dir, Workbooks.playbookWith(broken)).toString(), "regression/playbook/02-pub-seats-90.json");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("FAIL  seats at 90% get the seat pack in app"), run.out());
        assertTrue(run.out().contains("expected [seat-pack-10]"), run.out());
        assertTrue(run.out().contains("0 passed, 1 failed"), run.out());

        // A case the change does not touch still passes.
        Run over = regress("--rules", dir.toString(), "regression/playbook/03-pub-seats-over.json");
        assertEquals(0, over.exitCode(), over.out());
    }

    @Test
    void shouldNameTheRowsThatFiredForAFailedCase(@TempDir Path dir) throws IOException {
        RuleFile lowerPropensity = Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "F13", 0.1);
        Run run = regress("--rules", folderWith(dir, Workbooks.playbookWith(lowerPropensity)).toString(),
                "regression/playbook/03-pub-seats-over.json");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("add-on.drl.xlsx › Add-ons row 13: Seat pack: seats at or over the limit"), run.out());
    }

    @Test
    void shouldNameRowsNoCaseReaches(@TempDir Path dir) throws IOException {
        // A workbook built for the purpose: the storage add-on row, and a suite with one case about seats.
        Run run = regress("--rules", folderWith(dir, Workbooks.shippedPlaybook()).toString(), "regression/playbook/02-pub-seats-90.json");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("no case reaches add-on.drl.xlsx › Add-ons row 15: Storage add-on: storage nearly full"), run.out());
        assertTrue(run.out().contains("no case reaches guardrail FREQUENCY_CAP"), run.out());
    }

    @Test
    void shouldExitWithTwoWhenTheRulesDoNotCompile(@TempDir Path dir) throws IOException {
        RuleFile broken = Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "F14", 7);
        Run run = regress("--rules", folderWith(dir, Workbooks.playbookWith(broken)).toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("add-on.drl.xlsx › Add-ons F14"), run.err());
    }

    @Test
    void shouldReadASuiteCaseWithFieldsTheServiceDoesNotKnow(@TempDir Path dir) throws IOException {
        String known = Files.readString(Path.of("regression/playbook/02-pub-seats-90.json"));
        Files.writeString(dir.resolve("colour.json"), known
                .replace("\"request\": {", "\"request\": {\"colour\": \"red\", ")
                .replace("\"account\": {", "\"account\": {\"colour\": \"red\", "));
        Run run = regress(dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("1 passed, 0 failed"), run.out());
    }

    @Test
    void shouldExitWithTwoNamingASuiteFileThatIsNotJson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"name\": \"half a case\",\n \"request\": {\"account\": ");
        assertOneLine(regress(dir.toString()), "broken.json: line 2");
        Files.writeString(dir.resolve("broken.json"), "{\"request\": {\"account\": {\"id\": \"a\", \"seats\": {\"used\": \"9\"}}}}");
        assertOneLine(regress(dir.toString()), "broken.json: account.seats.used");
    }

    @Test
    void shouldReplayLoggedRequestsWithFieldsTheServiceDoesNotKnow() throws SQLException {
        String database = emptyLog();
        log(database, """
                {"account": {"id": "colour-top", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
                 "channels": ["IN_APP"], "holdoutPercent": 0, "colour": "red"}""");
        log(database, """
                {"account": {"id": "colour-account", "seats": {"used": 9, "limit": 10}, "healthScore": 80, "colour": "red"},
                 "channels": ["IN_APP"], "holdoutPercent": 0}""");
        // The URL names no schema: the command reads the one it is told, as the service writes the one it is set to.
        Run run = regress("--replay", "10", "--database", testDatabase(), "--schema", SCHEMA);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Replay of the last 2 logged decisions"), run.out());
        // Logged without offers, both now get the seat pack: the seats were read despite the colour.
        assertTrue(run.out().contains("offers added: seat-pack-10 ×2"), run.out());
    }

    @Test
    void shouldExitWithTwoNamingALoggedRequestThatCannotBeRead() throws SQLException {
        String database = emptyLog();
        String id = log(database, "{\"account\": {\"id\": \"acc\", \"seats\": {\"used\": \"nine\"}}}");
        assertOneLine(regress("--replay", "10", "--database", database, "--schema", SCHEMA),
                "The logged decision " + id + " cannot be replayed: account.seats.used");
        log(database, "[\"not\", \"a request\"]");
        assertOneLine(regress("--replay", "10", "--database", database, "--schema", SCHEMA), "cannot be replayed");
    }

    @Test
    void shouldExitWithTwoNamingASchemaNameTheServiceWouldRefuse() {
        assertOneLine(regress("--replay", "10", "--schema", "Nba; drop table decision"),
                "schema Nba; drop table decision: must be lower-case letters");
    }

    @Test
    void shouldExitWithTwoWhenTheDecisionLogCannotBeReached() {
        assertOneLine(regress("--replay", "10", "--database", "jdbc:postgresql://127.0.0.1:1/nba"),
                "The decision log at jdbc:postgresql://127.0.0.1:1/nba cannot be read");
    }
}
