package io.nextbestaction.rules;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compiles DRL sources into a rule base; a compile error is located at the workbook row, and the cell where it can be. */
final class RuleBaseBuilder {

    /** DRL that ships with the code and joins every ruleset: the declarations of the globals the code sets. */
    private static final String CODE_RULES = "rules/globals.drl";
    private static final String CODE_RULES_TEXT = codeRules();

    private RuleBaseBuilder() {
    }

    /** The rule base, or null with the problems added. */
    static KieBase build(List<DrlSource> sources, ClassLoader factClassLoader, List<RuleSetProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(factClassLoader));
        builder.add(resource(CODE_RULES_TEXT, CODE_RULES), ResourceType.DRL);
        Map<String, DrlSource> byPath = new HashMap<>();
        for (DrlSource source : sources) {
            byPath.put(source.path(), source);
            builder.add(resource(source.drl(), source.path()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            Map<List<String>, RuleSetProblem> located = new LinkedHashMap<>(); // an error in a column's code recurs in each row
            for (KnowledgeBuilderError error : builder.getErrors()) {
                RuleSetProblem p = locate(error, byPath);
                located.putIfAbsent(Arrays.asList(p.file(), p.sheet(), p.cell(), p.message()), p);
            }
            problems.addAll(located.values());
            return null;
        }
        return DroolsInternals.newRuleBase(builder.getKnowledgePackages(), factClassLoader);
    }

    /** A compile error in plain words at its cell (a value, a column's code or object type), else at its row; the engine's text as detail. */
    private static RuleSetProblem locate(KnowledgeBuilderError error, Map<String, DrlSource> byPath) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        DrlSource source = path == null ? null : byPath.get(path);
        String detail = error.getMessage().replaceAll("\\s+", " ").trim();
        if (source == null) {
            return new RuleSetProblem("(ruleset)", null, null, "the rules do not compile", detail);
        }
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        TreeMap<Integer, RowRef> rows = source.rowsByLine();
        Map.Entry<Integer, RowRef> rule = rows.floorEntry(Math.max(line, 0));
        String file = source.file().name();
        if (rule == null) {
            return new RuleSetProblem(file, source.sheet(), null, "the RuleSet header (RuleSet, Import, Variables) does not compile",
                    detail);
        }
        RowRef row = rule.getValue();
        if (source.content() == null || row.row() == 0) {
            return new RuleSetProblem(file, source.sheet(), row.row() == 0 ? "line " + line : "row " + row.row(),
                    "rule \"" + row.rule() + "\" does not compile", detail);
        }
        String value = CellLocator.cellMentioned(source.content(), row.row(), detail);
        if (value != null) {
            return new RuleSetProblem(file, source.sheet(), value, "rule \"" + row.rule()
                    + "\": the rules engine cannot read this value with the code of its column", detail);
        }
        String header = CellLocator.headerMentioned(source.content(), row.row(), detail);
        if (header != null) {
            return new RuleSetProblem(file, source.sheet(), header, "the code in this header cell does not compile: check the "
                    + "spelling of the names it uses (the fields and methods of the fact model)", detail);
        }
        return new RuleSetProblem(file, source.sheet(), "row " + row.row(), "rule \"" + row.rule() + "\" does not compile: a value "
                + "in this row does not fit the code of its column (rows 9 to 11 above the rules)", detail);
    }

    private static Resource resource(String drl, String path) {
        return KieServices.get().getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(path);
    }

    private static String codeRules() {
        try (InputStream in = RuleBaseBuilder.class.getClassLoader().getResourceAsStream(CODE_RULES)) {
            if (in == null) {
                throw new IllegalStateException(CODE_RULES + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
