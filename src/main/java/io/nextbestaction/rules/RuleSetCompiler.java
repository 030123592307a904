package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.OfferType;
import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.CatalogBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.template.parser.DataListener;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.RuleContext;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the files of a ruleset (decision-table workbooks and DRL) into a {@link RuleSet}, or into problems located
 * by file, sheet and cell. Workbooks are converted to DRL here, sheet by sheet, so that every rule is traced back to
 * its row, and no JVM-wide spreadsheet cache can serve a stale version of a changed workbook.
 */
@ApplicationScoped
public class RuleSetCompiler {

    /** The agenda group of the catalog workbook: its rows run once, when the ruleset is compiled. */
    static final String CATALOG_AGENDA_GROUP = "offer-catalog";

    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+),");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)\"");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)");
    private static final Pattern GUARDRAIL_CODE = Pattern.compile("evaluation\\.suppress\\([^;]*?\"(\\w+)\"\\s*\\)");
    private static final Pattern CATALOG_GROUP_LINE = Pattern.compile("(?m)^\\s*agenda-group\\s+\"" + CATALOG_AGENDA_GROUP + "\"");

    /** DRL that ships with the code and joins every ruleset: the declarations of the globals the code sets. */
    private static final String CODE_RULES = "rules/globals.drl";

    /** DRL generated from one sheet (or read from one DRL file), with the row each rule came from. */
    private record Source(RuleFile file, String sheet, String path, String drl, Map<String, RowRef> rows,
                          TreeMap<Integer, RowRef> rowByLine, DecisionTableReader.SheetContent content, boolean catalog) {
    }

    private final ClassLoader factClassLoader = new FactClassLoader(Account.class.getClassLoader());

    static {
        // A workbook is a zip: refuse one that inflates beyond any real decision table (POI also refuses zip bombs by ratio).
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    public RuleSet compile(List<RuleFile> files) throws RuleSetInvalidException {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        for (RuleFile file : sorted) {
            sources.addAll(toDrl(file, problems));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(factClassLoader));
        builder.add(resource(codeRules(), CODE_RULES), ResourceType.DRL);
        Map<String, Source> byPath = new HashMap<>();
        for (Source source : sources) {
            byPath.put(source.path(), source);
            builder.add(resource(source.drl(), source.path()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(locate(error, byPath));
            }
            throw new RuleSetInvalidException(problems);
        }

        Map<String, RowRef> rows = new HashMap<>();
        Map<String, DecisionTableReader.SheetContent> contents = new HashMap<>();
        for (Source source : sources) {
            rows.putAll(source.rows());
            if (source.content() != null) {
                contents.put(source.file().name() + "/" + source.sheet(), source.content());
            }
        }
        // Not builder.newKieBase(): that KieBase would load classes without the fact class loader's memory of misses.
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, factClassLoader));
        kieBase.addPackages(builder.getKnowledgePackages());
        Function<RuleContext, RowRef> rowOf = ctx -> RuleSet.rowOf(rows, ctx.getRule().getPackageName(), ctx.getRule().getName());
        OfferCatalog catalog = readCatalog(kieBase, rowOf, contents, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        List<RuleSetProblem> warnings = new ArrayList<>();
        for (Source source : sources) {
            if (source.content() != null) {
                ValueChecks.check(source.file(), source.content(), catalog, problems);
                Reachability.check(source.file(), source.content(), problems, warnings);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        List<RowRef> decisionRows = sources.stream().filter(s -> !s.catalog())
                .flatMap(s -> s.rowByLine().values().stream()).toList();
        Set<String> guardrails = new java.util.TreeSet<>();
        for (Source source : sources) {
            Matcher code = GUARDRAIL_CODE.matcher(source.drl());
            while (code.find()) {
                guardrails.add(code.group(1));
            }
        }
        String sha256 = sha256Of(sorted);
        return new RuleSet(sha256, sha256, sorted.stream().map(RuleFile::name).toList(), kieBase, catalog, Map.copyOf(rows),
                decisionRows, Set.copyOf(guardrails), List.copyOf(warnings), new SessionPool(kieBase));
    }

    private List<Source> toDrl(RuleFile file, List<RuleSetProblem> problems) {
        List<Source> sources = new ArrayList<>();
        if (!file.isRuleFile()) {
            problems.add(new RuleSetProblem(file.name(), null, null,
                    "not a rule file: expected a name ending in .drl.xlsx, .drl.xls, .drl.csv or .drl"));
            return sources;
        }
        String formatProblem = FileFormatCheck.problem(file);
        if (formatProblem != null) {
            problems.add(new RuleSetProblem(file.name(), null, null, formatProblem));
            return sources;
        }
        try {
            if (file.isDrl()) {
                String drl = new String(file.content(), StandardCharsets.UTF_8);
                CodeSandbox.checkDrl(file, drl, problems);
                sources.add(source(file, null, drl, null));
            } else if (file.isCsv()) {
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), InputType.CSV);
                CodeSandbox.checkDrl(file, drl, problems);
                sources.add(source(file, null, drl, null));
            } else {
                try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                    for (Sheet sheet : workbook) {
                        if (!holdsDecisionTable(sheet)) {
                            continue;
                        }
                        DecisionTableReader.SheetContent content = DecisionTableReader.read(workbook, sheet);
                        CodeSandbox.checkSheet(file, content, problems);
                        sources.add(source(file, sheet.getSheetName(), sheetDrl(workbook, sheet), content));
                    }
                }
                if (sources.isEmpty()) {
                    problems.add(new RuleSetProblem(file.name(), null, null, "no sheet holds a decision table (a RuleSet or RuleTable keyword)"));
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            problems.add(new RuleSetProblem(file.name(), null, null, "cannot read the decision table: " + readable(e)));
        }
        return sources;
    }

    /** The DRL of one sheet, from the workbook already open (what SpreadsheetCompiler does after opening it again). */
    private static String sheetDrl(Workbook workbook, Sheet sheet) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.setWorksheetName(sheet.getSheetName());
        new ExcelParser(Map.of(sheet.getSheetName(), List.<DataListener>of(listener))).parseWorkbook(workbook);
        return new SpreadsheetCompiler().listenerToString(listener);
    }

    private static String readable(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static boolean holdsDecisionTable(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
                if (text.equals("RuleSet") || text.startsWith("RuleTable")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Source source(RuleFile file, String sheet, String drl, DecisionTableReader.SheetContent content) {
        String packageName = "defaultpkg";
        Map<String, RowRef> rows = new HashMap<>();
        TreeMap<Integer, RowRef> rowByLine = new TreeMap<>();
        Integer pendingRow = null;
        int pendingLine = 0;
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            Matcher pkg = PACKAGE.matcher(line);
            Matcher values = RULE_VALUES_AT.matcher(line);
            Matcher rule = RULE_NAME.matcher(line);
            if (pkg.find()) {
                packageName = pkg.group(1);
            } else if (values.find()) {
                pendingRow = Integer.parseInt(values.group(2));
                pendingLine = i + 1;
            } else if (rule.find()) {
                RowRef ref = new RowRef(file.name(), sheet, pendingRow == null ? 0 : pendingRow, rule.group(1));
                rows.put(RuleSet.key(packageName, rule.group(1)), ref);
                rowByLine.put(pendingRow == null ? i + 1 : pendingLine, ref);
                pendingRow = null;
            }
        }
        String path = "src/main/resources/" + packageName.replace('.', '/') + "/"
                + (file.name() + (sheet == null ? "" : "-" + sheet)).replaceAll("[^A-Za-z0-9_.-]", "_") + ".drl";
        boolean catalog = CATALOG_GROUP_LINE.matcher(drl).find();
        return new Source(file, sheet, path, drl, rows, rowByLine, content, catalog);
    }

    private static String codeRules() {
        try (var in = RuleSetCompiler.class.getClassLoader().getResourceAsStream(CODE_RULES)) {
            if (in == null) {
                throw new IllegalStateException(CODE_RULES + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Resource resource(String drl, String path) {
        return KieServices.get().getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(path);
    }

    private static RuleSetProblem locate(KnowledgeBuilderError error, Map<String, Source> byPath) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        Source source = path == null ? null : byPath.get(path);
        String message = error.getMessage().replaceAll("\\s+", " ").trim();
        if (source == null) {
            return new RuleSetProblem("(ruleset)", null, null, message);
        }
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        Map.Entry<Integer, RowRef> rule = source.rowByLine().floorEntry(Math.max(line, 0));
        if (rule == null) {
            return new RuleSetProblem(source.file().name(), source.sheet(), null, "in the RuleSet header: " + message);
        }
        RowRef row = rule.getValue();
        String cell = row.row() == 0 ? "line " + line : "row " + row.row();
        if (source.content() != null) {
            String mentioned = CellLocator.cellMentioned(source.content(), row.row(), message);
            cell = mentioned != null ? mentioned : cell;
        }
        return new RuleSetProblem(source.file().name(), source.sheet(), cell, "rule \"" + row.rule() + "\": " + message);
    }

    private static OfferCatalog readCatalog(KieBase kieBase, Function<RuleContext, RowRef> rowOf,
                                            Map<String, DecisionTableReader.SheetContent> contents, List<RuleSetProblem> problems) {
        CatalogBuilder builder = new CatalogBuilder(rowOf);
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("catalog", builder);
            AgendaGroup catalogGroup = session.getAgenda().getAgendaGroup(CATALOG_AGENDA_GROUP);
            if (catalogGroup == null) {
                problems.add(new RuleSetProblem("(ruleset)", null, null,
                        "no offer catalog: a workbook with AGENDA-GROUP \"" + CATALOG_AGENDA_GROUP + "\" must list the offers"));
                return null;
            }
            catalogGroup.setFocus();
            session.fireAllRules();
        } catch (RuntimeException e) {
            problems.add(new RuleSetProblem("(ruleset)", null, null, "the offer catalog cannot be read: " + readable(e)));
            return null;
        } finally {
            session.dispose();
        }

        Map<String, OfferCatalog.Offer> offers = new HashMap<>();
        for (CatalogBuilder.OfferEntry entry : builder.offers()) {
            RowRef at = entry.getSource();
            OfferType type = parseType(entry.getType());
            if (type == null) {
                problems.add(problemAt(contents, at, "setType(", "unknown offer type \"" + entry.getType() + "\" (expected one of UPSELL, CROSS_SELL, ADD_ON, ENABLEMENT)"));
            }
            if (entry.getFamily() == null || entry.getFamily().isBlank()) {
                problems.add(problemAt(contents, at, "setFamily(", "offer " + entry.getOfferId() + " has no family"));
            }
            if (entry.getValueMonthly() == null || entry.getValueMonthly() < 0) {
                problems.add(problemAt(contents, at, "setValueMonthly(", "offer " + entry.getOfferId() + " needs a monthly value of 0 or more"));
            }
            if (entry.getLever() == null || entry.getLever() < 0) {
                problems.add(problemAt(contents, at, "setLever(", "offer " + entry.getOfferId() + " needs a lever of 0 or more"));
            }
            OfferCatalog.Offer offer = new OfferCatalog.Offer(entry.getOfferId(), type, entry.getFamily(),
                    entry.getValueMonthly() == null ? 0 : entry.getValueMonthly(), entry.getLever() == null ? 0 : entry.getLever(), at);
            OfferCatalog.Offer earlier = offers.putIfAbsent(entry.getOfferId(), offer);
            if (earlier != null) {
                problems.add(problemAt(contents, at, "catalog.offer(", "duplicate offer id " + entry.getOfferId() + " (first defined in " + earlier.source() + ")"));
            }
        }
        Map<String, Double> weights = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CatalogBuilder.PlacementEntry entry : builder.placements()) {
            if (!seen.add(entry.getPlacement())) {
                problems.add(problemAt(contents, entry.getSource(), "catalog.placement(", "duplicate placement " + entry.getPlacement()));
            }
            if (entry.getWeight() == null || entry.getWeight() < 0) {
                problems.add(problemAt(contents, entry.getSource(), "setWeight(", "placement " + entry.getPlacement() + " needs a weight of 0 or more"));
            } else {
                weights.put(entry.getPlacement(), entry.getWeight());
            }
        }
        return new OfferCatalog(offers, weights);
    }

    private static OfferType parseType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return OfferType.valueOf(type.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A problem in a catalog row, at the cell of the column whose template holds the fragment where there is one. */
    private static RuleSetProblem problemAt(Map<String, DecisionTableReader.SheetContent> contents, RowRef row,
                                            String templateFragment, String message) {
        DecisionTableReader.SheetContent content = contents.get(row.file() + "/" + row.sheet());
        String cell = content == null ? null : CellLocator.cellOf(content, row.row(), templateFragment);
        return new RuleSetProblem(row.file(), row.sheet(), cell != null ? cell : row.row() == 0 ? null : "row " + row.row(), message);
    }

    /** The content hash of a set of files: the same files give the same hash, whatever their order. */
    public static String sha256Of(List<RuleFile> files) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : sorted) {
                sha.update(file.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.content());
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
