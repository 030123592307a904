package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the files of a ruleset (decision-table workbooks and DRL) into a {@link RuleSet}, or into the problems
 * found, each located by file, sheet and cell: file checks and DRL ({@link RuleFileReader}), the rule base
 * ({@link RuleBaseBuilder}), the catalog ({@link CatalogReader}), then the values and rows of each table. Case files
 * are not compiled, but count in the content hash: the ruleset's version names every file it was stored with.
 */
@ApplicationScoped
public class RuleSetCompiler {

    private static final Pattern GUARDRAIL_CODE = Pattern.compile("evaluation\\.suppress\\([^;]*?\"(\\w+)\"\\s*\\)");

    private final ClassLoader factClassLoader = new FactClassLoader(Account.class.getClassLoader());

    static {
        // A workbook is a zip: refuse one that inflates beyond any real decision table (POI also refuses zip bombs by ratio).
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    public RuleSet compile(List<RuleFile> files) throws RuleSetInvalidException {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        List<DrlSource> sources = new ArrayList<>();
        sorted.stream().filter(file -> !file.isCaseFile()).forEach(file -> sources.addAll(RuleFileReader.read(file, problems)));
        failIfAny(problems);

        KieBase kieBase = RuleBaseBuilder.build(sources, factClassLoader, problems);
        failIfAny(problems);
        Map<String, RowRef> rows = new HashMap<>();
        sources.forEach(source -> source.addRows(rows));
        RuleBase ruleBase = new RuleBase(kieBase, rows);
        OfferCatalog catalog = CatalogReader.read(ruleBase, sources, problems);
        failIfAny(problems);

        List<RuleSetProblem> warnings = new ArrayList<>();
        for (DrlSource source : sources) {
            if (source.content() != null) {
                ValueChecks.check(source.file(), source.content(), catalog, problems);
                Reachability.check(source.file(), source.content(), problems, warnings);
            }
        }
        failIfAny(problems);
        List<RowRef> decisionRows = sources.stream().filter(s -> !s.catalog()).flatMap(s -> s.rows().stream()).toList();
        ContentHash hash = ContentHash.of(sorted);
        return new RuleSet(hash.shortForm(), hash, sorted.stream().map(RuleFile::name).toList(), catalog, decisionRows,
                guardrailCodes(sources), warnings, ruleBase);
    }

    private static Set<String> guardrailCodes(List<DrlSource> sources) {
        Set<String> codes = new TreeSet<>();
        for (DrlSource source : sources) {
            Matcher code = GUARDRAIL_CODE.matcher(source.drl());
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }

    private static void failIfAny(List<RuleSetProblem> problems) throws RuleSetInvalidException {
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
    }
}
