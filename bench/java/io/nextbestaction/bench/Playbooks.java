package io.nextbestaction.bench;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The rule files a bench compiles: the shipped folder, or a generated table with the shipped catalog and guardrails. */
public final class Playbooks {

    /** Shipped workbooks kept beside a generated offer table: the catalog (offers must exist) and the guardrails. */
    public static final List<String> KEPT_WITH_GENERATED = List.of("offer-catalog.drl.xlsx", "guardrails.drl.xlsx");
    public static final long WORKBOOK_SEED = 42;

    private Playbooks() {
    }

    /** The folder as the service reads it at start: every regular file that is a rule file. */
    public static List<RuleFile> shipped(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                RuleFile file = new RuleFile(p.getFileName().toString(), Files.readAllBytes(p));
                if (file.isRuleFile()) {
                    files.add(file);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shipped catalog and guardrails plus a generated offer table of {@code rows} rows, written to
     * {@code tmp} (so it can be opened in a spreadsheet) and read back as the service would read it.
     */
    public static List<RuleFile> generated(Path dir, int rows, Path tmp) {
        try {
            List<RuleFile> files = new ArrayList<>();
            for (String name : KEPT_WITH_GENERATED) {
                files.add(new RuleFile(name, Files.readAllBytes(dir.resolve(name))));
            }
            Files.createDirectories(tmp);
            Path workbook = Workbooks.write(tmp, rows, WORKBOOK_SEED);
            files.add(new RuleFile(workbook.getFileName().toString(), Files.readAllBytes(workbook)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails loudly if the generated rows would propose offers the catalog does not define. */
    public static void checkCatalog(RuleSet ruleSet) {
        Set<String> missing = new java.util.TreeSet<>(List.of(Workbooks.CATALOG_OFFERS));
        missing.removeAll(ruleSet.catalog().offers().keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the shipped offer catalog no longer defines " + missing
                    + "; update Workbooks.CATALOG_OFFERS");
        }
    }

    /** The number of rules in a ruleset with a table row behind them (the catalog's rows, one per offer or placement, included). */
    public static int ruleCount(RuleSet ruleSet) {
        return ruleSet.decisionRows().size() + ruleSet.catalog().offers().size() + ruleSet.catalog().placementWeights().size();
    }
}
