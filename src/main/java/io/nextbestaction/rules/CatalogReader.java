package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.CatalogBuilder;
import io.nextbestaction.rules.facts.OfferType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the catalog workbook's rows once, at compile time, and checks the offers and placement weights they list. */
final class CatalogReader {

    private final RuleBase ruleBase;
    private final Map<String, DecisionTableReader.SheetContent> contents;
    private final List<RuleSetProblem> problems;

    private CatalogReader(RuleBase ruleBase, Map<String, DecisionTableReader.SheetContent> contents, List<RuleSetProblem> problems) {
        this.ruleBase = ruleBase;
        this.contents = contents;
        this.problems = problems;
    }

    /** The catalog, or null with the problems added. */
    static OfferCatalog read(RuleBase ruleBase, List<DrlSource> sources, List<RuleSetProblem> problems) {
        Map<String, DecisionTableReader.SheetContent> contents = new HashMap<>();
        sources.stream().filter(s -> s.content() != null).forEach(s -> contents.put(s.file().name() + "/" + s.sheet(), s.content()));
        CatalogBuilder rows = run(ruleBase, problems);
        return rows == null ? null : new CatalogReader(ruleBase, contents, problems).catalog(rows);
    }

    private static CatalogBuilder run(RuleBase ruleBase, List<RuleSetProblem> problems) {
        CatalogBuilder builder = new CatalogBuilder();
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            session.setGlobal("catalog", builder);
            AgendaGroup catalogGroup = session.getAgenda().getAgendaGroup(RuleFileReader.CATALOG_AGENDA_GROUP);
            if (catalogGroup == null) {
                problems.add(new RuleSetProblem("(ruleset)", null, null, "no offer catalog: a workbook with AGENDA-GROUP \""
                        + RuleFileReader.CATALOG_AGENDA_GROUP + "\" must list the offers"));
                return null;
            }
            catalogGroup.setFocus();
            session.fireAllRules();
            return builder;
        } catch (RuntimeException e) {
            problems.add(new RuleSetProblem("(ruleset)", null, null, "the offer catalog cannot be read: " + RuleFileReader.readable(e)));
            return null;
        } finally {
            session.dispose();
        }
    }

    private OfferCatalog catalog(CatalogBuilder rows) {
        Map<String, OfferCatalog.Offer> offers = new HashMap<>();
        for (CatalogBuilder.OfferEntry entry : rows.offers()) {
            RowRef at = ruleBase.rowOf(entry);
            OfferType type = typeOf(entry.getType());
            if (type == null) {
                problem(at, "setType(", "unknown offer type \"" + entry.getType() + "\" (expected one of "
                        + Arrays.toString(OfferType.values()).replaceAll("[\\[\\]]", "") + ")");
            }
            if (entry.getFamily() == null || entry.getFamily().isBlank()) {
                problem(at, "setFamily(", "offer " + entry.getOfferId() + " has no family");
            }
            if (entry.getValueMonthly() == null || entry.getValueMonthly() < 0) {
                problem(at, "setValueMonthly(", "offer " + entry.getOfferId() + " needs a monthly value of 0 or more");
            }
            if (entry.getLever() == null || entry.getLever() < 0) {
                problem(at, "setLever(", "offer " + entry.getOfferId() + " needs a lever of 0 or more");
            }
            OfferCatalog.Offer offer = new OfferCatalog.Offer(entry.getOfferId(), type, entry.getFamily(),
                    entry.getValueMonthly() == null ? 0 : entry.getValueMonthly(), entry.getLever() == null ? 0 : entry.getLever(), at);
            OfferCatalog.Offer earlier = offers.putIfAbsent(entry.getOfferId(), offer);
            if (earlier != null) {
                problem(at, "catalog.offer(", "duplicate offer id " + entry.getOfferId() + " (first defined in " + earlier.source() + ")");
            }
        }
        Map<String, Double> weights = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CatalogBuilder.PlacementEntry entry : rows.placements()) {
            RowRef at = ruleBase.rowOf(entry);
            if (!seen.add(entry.getPlacement())) {
                problem(at, "catalog.placement(", "duplicate placement " + entry.getPlacement());
            }
            if (entry.getWeight() == null || entry.getWeight() < 0) {
                problem(at, "setWeight(", "placement " + entry.getPlacement() + " needs a weight of 0 or more");
            } else {
                weights.put(entry.getPlacement(), entry.getWeight());
            }
        }
        return new OfferCatalog(offers, weights);
    }

    private static OfferType typeOf(String type) {
        return type == null ? null : Arrays.stream(OfferType.values()).filter(t -> t.name().equals(type.trim())).findFirst().orElse(null);
    }

    /** A problem in a catalog row, at the cell of the column whose template holds the fragment where there is one. */
    private void problem(RowRef row, String templateFragment, String message) {
        DecisionTableReader.SheetContent content = contents.get(row.file() + "/" + row.sheet());
        String cell = content == null ? null : CellLocator.cellOf(content, row.row(), templateFragment);
        problems.add(new RuleSetProblem(row.file(), row.sheet(), cell != null ? cell : row.row() == 0 ? null : "row " + row.row(), message));
    }
}
