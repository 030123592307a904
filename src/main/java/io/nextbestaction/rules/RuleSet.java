package io.nextbestaction.rules;

import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled ruleset: the rule base, the catalog it defines, where each rule comes from, and the warnings found
 * while validating it. Immutable, so a decision that took it keeps using it while another version is activated.
 *
 * @param version what decisions report: the stored version and the content hash, e.g. {@code v7 (sha256:…)}
 * @param sha256  the content hash of the files, {@code sha256:} and 16 hex digits
 * @param decisionRows the rows that take part in decisions (all but the catalog's), in file, sheet and row order
 * @param guardrails   the guardrail codes its rules can report
 * @param sessions     reusable sessions over the rule base
 */
public record RuleSet(String version, String sha256, List<String> files, KieBase kieBase, OfferCatalog catalog,
                      Map<String, RowRef> rows, List<RowRef> decisionRows, Set<String> guardrails,
                      List<RuleSetProblem> warnings, SessionPool sessions) {

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    /** The same ruleset as stored version {@code number}. */
    public RuleSet asVersion(int number) {
        return new RuleSet("v" + number + " (" + sha256 + ")", sha256, files, kieBase, catalog, rows, decisionRows, guardrails, warnings, sessions);
    }

    RowRef rowOf(String packageName, String ruleName) {
        return rowOf(rows, packageName, ruleName);
    }

    /** Where a rule comes from; a rule without a known row is named by its package. */
    static RowRef rowOf(Map<String, RowRef> rows, String packageName, String ruleName) {
        RowRef row = rows.get(key(packageName, ruleName));
        return row != null ? row : new RowRef(packageName, null, 0, ruleName);
    }
}
