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
import java.util.HashMap;
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
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(locate(error, byPath));
            }
            return null;
        }
        return DroolsInternals.newRuleBase(builder.getKnowledgePackages(), factClassLoader);
    }

    private static RuleSetProblem locate(KnowledgeBuilderError error, Map<String, DrlSource> byPath) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        DrlSource source = path == null ? null : byPath.get(path);
        String message = error.getMessage().replaceAll("\\s+", " ").trim();
        if (source == null) {
            return new RuleSetProblem("(ruleset)", null, null, message);
        }
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        TreeMap<Integer, RowRef> rows = source.rowsByLine();
        Map.Entry<Integer, RowRef> rule = rows.floorEntry(Math.max(line, 0));
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
