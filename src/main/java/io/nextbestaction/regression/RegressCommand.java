package io.nextbestaction.regression;

import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.rules.RuleEngine;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.nextbestaction.rulesets.DecisionTablesFolder;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./regress [--rules DIR] [SUITE...]}: runs suites against the rule files of a folder, without a server or a
 * database. Exit code 0 when every case passes, 1 when one fails, 2 when the rules or a suite cannot be read.
 */
public final class RegressCommand {

    static final String DEFAULT_RULES = "decision-tables";
    static final String DEFAULT_SUITE = "regression";

    private RegressCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path rules = Path.of(DEFAULT_RULES);
        List<Path> suites = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rules") && i + 1 < args.length) {
                rules = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println("usage: ./regress [--rules DIR] [SUITE...]   (defaults: --rules " + DEFAULT_RULES + ", suite " + DEFAULT_SUITE + ")");
                return 0;
            } else if (args[i].startsWith("--")) {
                err.println("unknown option " + args[i] + "; usage: ./regress [--rules DIR] [SUITE...]");
                return 2;
            } else {
                suites.add(Path.of(args[i]));
            }
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
            ruleSet = new RuleSetCompiler().compile(DecisionTablesFolder.read(rules));
        } catch (RuleSetInvalidException e) {
            err.println("The rules in " + rules + " do not compile:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
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
        RegressionReport report = new RegressionRunner(new OfferSelection(new RuleEngine())).run(ruleSet, cases);
        out.print(ReportText.render(report));
        return report.allPassed() ? 0 : 1;
    }
}
