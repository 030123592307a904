package io.nextbestaction.rules;

import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;

/**
 * A compiled ruleset: the rule base, the catalog it defines, and where each rule comes from.
 * Immutable, so a decision that took it keeps using it while another version is activated.
 */
public record RuleSet(String version, List<String> files, KieBase kieBase, OfferCatalog catalog, Map<String, RowRef> rows) {

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    RowRef rowOf(String packageName, String ruleName) {
        RowRef row = rows.get(key(packageName, ruleName));
        return row != null ? row : new RowRef(packageName, null, 0, ruleName);
    }
}
