package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;

import java.util.List;
import java.util.Set;

/**
 * A compiled ruleset: what it decides with, the catalog it defines, its rows and the warnings found while validating
 * it. Immutable, so a decision that took it keeps using it while another version is activated.
 */
public final class RuleSet {

    private final String version;
    private final ContentHash contentHash;
    private final List<String> files;
    private final OfferCatalog catalog;
    private final List<RowRef> decisionRows;
    private final Set<String> guardrails;
    private final List<RuleSetProblem> warnings;
    private final RuleBase ruleBase;

    RuleSet(String version, ContentHash contentHash, List<String> files, OfferCatalog catalog, List<RowRef> decisionRows,
            Set<String> guardrails, List<RuleSetProblem> warnings, RuleBase ruleBase) {
        this.version = version;
        this.contentHash = contentHash;
        this.files = List.copyOf(files);
        this.catalog = catalog;
        this.decisionRows = List.copyOf(decisionRows);
        this.guardrails = Set.copyOf(guardrails);
        this.warnings = List.copyOf(warnings);
        this.ruleBase = ruleBase;
    }

    /** What the rules say about one account. Safe to call from many threads at once. */
    public Findings evaluate(Account account) {
        return ruleBase.evaluate(account);
    }

    /** The same ruleset as stored version {@code number}. */
    public RuleSet asVersion(int number) {
        return new RuleSet("v" + number + " (" + contentHash.shortForm() + ")", contentHash, files, catalog, decisionRows,
                guardrails, warnings, ruleBase);
    }

    /** What decisions report: the stored version and the content hash, e.g. {@code v7 (sha256:…)}. */
    public String version() {
        return version;
    }

    public ContentHash contentHash() {
        return contentHash;
    }

    public List<String> files() {
        return files;
    }

    public OfferCatalog catalog() {
        return catalog;
    }

    /** The rows that take part in decisions (all but the catalog's), in file, sheet and row order. */
    public List<RowRef> decisionRows() {
        return decisionRows;
    }

    /** The guardrail codes its rules can report. */
    public Set<String> guardrails() {
        return guardrails;
    }

    public List<RuleSetProblem> warnings() {
        return warnings;
    }
}
