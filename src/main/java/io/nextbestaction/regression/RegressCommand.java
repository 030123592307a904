package io.nextbestaction.regression;

import io.nextbestaction.common.database.DatabaseConfig;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./regress [--rules DIR] [SUITE...]}: runs suites against the rule files of a folder, without a server or a
 * database. Exit code 0 when every case passes, 1 when one fails, 2 when the rules or a suite cannot be read.
 * {@code ./regress --replay N [--rules DIR] [--database JDBC-URL] [--schema NAME]} re-decides the last N logged
 * decisions instead, reading the schema the service writes (NBA_DATABASE_SCHEMA, as the service reads it).
 */
public final class RegressCommand {

    static final String DEFAULT_RULES = "decision-tables";
    static final String DEFAULT_SUITE = "regression";
    static final String DEFAULT_DATABASE = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String USAGE = "usage: ./regress [--rules DIR] [SUITE...]  |  ./regress --replay N [--rules DIR] [--database JDBC-URL]"
            + " [--schema NAME]   (defaults: --rules " + DEFAULT_RULES + ", suite " + DEFAULT_SUITE
            + ", database $QUARKUS_DATASOURCE_JDBC_URL or " + DEFAULT_DATABASE + ", schema $NBA_DATABASE_SCHEMA or "
            + DatabaseConfig.DEFAULT_SCHEMA + ")";

    private RegressCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path rules = Path.of(DEFAULT_RULES);
        List<Path> suites = new ArrayList<>();
        Integer replay = null;
        String database = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", DEFAULT_DATABASE);
        String schema = System.getenv().getOrDefault("NBA_DATABASE_SCHEMA", DatabaseConfig.DEFAULT_SCHEMA);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rules") && i + 1 < args.length) {
                rules = Path.of(args[++i]);
            } else if (args[i].equals("--replay") && i + 1 < args.length && args[i + 1].matches("\\d{1,6}")) {
                replay = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--database") && i + 1 < args.length) {
                database = args[++i];
            } else if (args[i].equals("--schema") && i + 1 < args.length) {
                schema = args[++i];
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (args[i].startsWith("--")) {
                err.println("unknown option " + args[i] + "; " + USAGE);
                return 2;
            } else {
                suites.add(Path.of(args[i]));
            }
        }
        if (replay != null && !schema.matches(DatabaseConfig.SCHEMA_NAME)) {
            err.println("schema " + schema + ": " + DatabaseConfig.SCHEMA_NAME_RULE);
            return 2;
        }
        if (suites.isEmpty()) {
            suites.add(Path.of(DEFAULT_SUITE));
        }
        if (!Files.isDirectory(rules)) {
            err.println("no rules folder " + rules);
            return 2;
        }
        RuleSet ruleSet;
        try {
            ruleSet = new RuleSetCompiler().compile(RuleFile.readFolder(rules));
        } catch (RuleSetInvalidException e) {
            err.println("The rules in " + rules + " do not compile:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        }
        if (replay != null) {
            return replay(ruleSet, replay, database, schema, out, err);
        }
        List<RegressionCase> cases = new ArrayList<>();
        try {
            for (Path suite : suites) {
                if (!Files.exists(suite)) {
                    err.println("no suite " + suite);
                    return 2;
                }
                cases.addAll(SuiteLoader.load(suite));
            }
        } catch (SuiteLoader.SuiteException e) {
            err.println("A case cannot be read: " + e.getMessage());
            return 2;
        }
        RegressionReport report = new RegressionRunner(new OfferSelection()).run(ruleSet, cases);
        out.print(ReportText.render(report));
        return report.allPassed() ? 0 : 1;
    }

    private static int replay(RuleSet ruleSet, int last, String database, String schema, PrintStream out, PrintStream err) {
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        ReplayReport report;
        try (Connection connection = DriverManager.getConnection(database, user, password)) {
            // As the service's pool does (quarkus.datasource.jdbc.new-connection-sql): the schema wins over the URL's.
            try (Statement searchPath = connection.createStatement()) {
                searchPath.execute("set search_path to \"" + schema + "\"");
            }
            report = new Replay(new OfferSelection()).run(ruleSet, connection, last, Optional.empty());
        } catch (SQLException e) {
            err.println("The decision log at " + database + " cannot be read: " + e.getMessage().replaceAll("\\s+", " "));
            return 2;
        } catch (Replay.UnreadableDecisionException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.print(ReportText.render(report));
        return 0;
    }
}
