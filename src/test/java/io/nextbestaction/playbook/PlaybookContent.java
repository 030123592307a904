package io.nextbestaction.playbook;

import io.nextbestaction.playbook.Playbook.Book;
import io.nextbestaction.playbook.Playbook.Column;
import io.nextbestaction.playbook.Playbook.Kind;
import io.nextbestaction.playbook.Playbook.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The shipped playbook as data: every workbook, column and row. Keywords, templates and values are exactly what
 * Drools reads; change a row here and regenerate (README, "The playbook"), never the workbook by hand.
 */
final class PlaybookContent {

    static final List<String> PLANS = List.of("TEAM", "BUSINESS", "ENTERPRISE");
    static final List<String> PRODUCTS = List.of("ANALYTICS", "AUTOMATION");
    static final List<String> FEATURES = List.of("reports", "workflows");

    /** The values dropdowns take from the playbook itself. */
    record Lists(List<String> offerIds, List<String> guardrailCodes) {
    }

    static final String IMPORT = "io.nextbestaction.rules.facts.*";
    static final String EVALUATION = "io.nextbestaction.rules.facts.Evaluation evaluation";
    static final String ACCOUNT = "$account: Account";
    static final String ANY = " Empty: any, the row does not look at it.";
    /** Drools writes a formatted number (a percent) as a number, not as the text the cell shows. */
    private static final List<String[]> RAW_NUMBERS = List.<String[]>of(new String[]{"IgnoreNumericFormat", "true"});

    private PlaybookContent() {
    }

    static List<Book> books() {
        List<Book> books = new ArrayList<>(List.of(catalog()));
        books.addAll(offerBooks());
        books.add(GuardrailContent.book());
        return books;
    }

    /** The offer workbooks: conditions on the account, then offer, propensity and action. */
    static List<Book> offerBooks() {
        return List.of(addOn(), upsell(), crossSell(), enablement());
    }

    static Lists lists() {
        Table offers = catalog().tables().get(0);
        Table guardrails = GuardrailContent.book().tables().get(0);
        return new Lists(values(offers, 1), values(guardrails, 8));
    }

    private static Book catalog() {
        Table offers = new Table(9, "Offers", null, List.of(
                name("The offer as analysts call it."),
                col("ACTION", "CatalogBuilder.OfferEntry offer = catalog.offer(drools, \"$param\");", "Offer id", Kind.TEXT,
                        "The id the other workbooks and the API use. Required, unique."),
                col("ACTION", "offer.setType(\"$param\");", "Type (UPSELL, CROSS_SELL, ADD_ON, ENABLEMENT)", Kind.OFFER_TYPE,
                        "What kind of offer it is; guardrails suppress offers by type. Required."),
                col("ACTION", "offer.setFamily(\"$param\");", "Family (one offer per family is shown)", Kind.TEXT,
                        "Offers of one family compete: an answer shows at most one of them. Required."),
                col("ACTION", "offer.setValueMonthly($param);", "Value per month", Kind.NUMBER,
                        "Monthly value in the account's currency; the score uses max(value, 100). Required."),
                col("ACTION", "offer.setLever($param);", "Lever", Kind.NUMBER,
                        "A multiplier of the score to push (above 1) or hold back (below 1) an offer. Required.")), List.of(
                row("Seat pack of 10", "seat-pack-10", "ADD_ON", "seats", 150, 1),
                row("Storage add-on of 100 GB", "storage-addon-100gb", "ADD_ON", "storage", 50, 1),
                row("Upgrade to the Business plan", "plan-upgrade-business", "UPSELL", "plan", 400, 1),
                row("Upgrade to the Enterprise plan", "plan-upgrade-enterprise", "UPSELL", "plan", 1500, 1),
                row("Switch to annual billing", "annual-switch", "UPSELL", "billing", 100, 1),
                row("Renewal expansion bundle", "renewal-expansion-bundle", "UPSELL", "renewal", 600, 1),
                row("Analytics module", "analytics-module", "CROSS_SELL", "analytics", 300, 1),
                row("Automation module", "automation-module", "CROSS_SELL", "automation", 250, 1),
                row("Academy enablement", "enablement-academy", "ENABLEMENT", "enablement", 0, 1)));
        Table placements = new Table(24, "Placement weights", null, List.of(
                name("The placement as analysts call it."),
                col("ACTION", "CatalogBuilder.PlacementEntry placement = catalog.placement(drools, \"$param\");", "Placement",
                        Kind.TEXT, "The placement id a request names. Required, unique."),
                col("ACTION", "placement.setWeight($param);", "Weight (context weight in the score; an unlisted placement weighs 1.0)",
                        Kind.NUMBER, "How much an offer shown here weighs in the score. Required.")), List.of(
                row("Dashboard banner", "dashboard-banner", 1),
                row("Billing page", "billing-page", 1.2),
                row("Usage limit warning", "usage-limit-warning", 1.5)));
        return new Book("offer-catalog.drl.xlsx", "Catalog", "Offer catalog",
                "The offers the service can make (type, family, monthly value, lever) and how much each placement weighs in the score.",
                "expansion.catalog", "io.nextbestaction.rules.facts.CatalogBuilder catalog",
                List.<String[]>of(new String[]{"AGENDA-GROUP", "offer-catalog"}), List.of(offers, placements));
    }

    private static Book addOn() {
        return offers("add-on.drl.xlsx", "Add-ons", "Add-on offers",
                "When to propose more seats or storage. The first matching row per offer wins.", "expansion.addon", List.of(
                        col("CONDITION", "seatUtilization >= $param", "Seat utilization at least", Kind.PERCENT,
                                "Seats used out of the seat limit (90 % = 9 of 10 seats)." + ANY),
                        col("CONDITION", "seatUtilization < $param", "Seat utilization below", Kind.PERCENT,
                                "Seats used out of the seat limit, strictly below this." + ANY),
                        col("CONDITION", "usageUtilization(\"storageGb\") >= $param", "Storage utilization at least", Kind.PERCENT,
                                "Storage used out of the storage limit." + ANY)), List.of(
                        row("Seat pack: seats at or over the limit", 1, null, null, "seat-pack-10", 0.6, "SELF_SERVE"),
                        row("Seat pack: seats nearly full", 0.8, 1, null, "seat-pack-10", 0.4, "SELF_SERVE", 50),
                        row("Storage add-on: storage nearly full", null, null, 0.85, "storage-addon-100gb", 0.45, "SELF_SERVE")));
    }

    private static Book upsell() {
        return offers("upsell.drl.xlsx", "Upsell", "Upsell offers",
                "When to propose a bigger plan, annual billing or a renewal bundle. The first matching row per offer wins.",
                "expansion.upsell", List.of(
                        col("CONDITION", "plan == \"$param\"", "Plan is", Kind.PLAN, "The account's current plan." + ANY),
                        col("CONDITION", "maxUsageUtilization >= $param", "Highest usage of any limit at least", Kind.PERCENT,
                                "The fullest of the account's usage limits (storage, API calls…)." + ANY),
                        col("CONDITION", "signalCount(\"PLAN_COMPARISON\", 14) >= $param", "Plan comparisons in the last 14 days, at least",
                                Kind.NUMBER, "How often the account opened the plan comparison in the last 14 days." + ANY),
                        col("CONDITION", "seatsUsed >= $param", "Seats used at least", Kind.NUMBER, "Seats in use." + ANY),
                        col("CONDITION", "billingCycle == \"$param\"", "Billing cycle is", Kind.BILLING_CYCLE,
                                "How the account pays today." + ANY),
                        col("CONDITION", "tenureDays >= $param", "Tenure at least (days)", Kind.NUMBER,
                                "Days since the account became a customer." + ANY),
                        col("CONDITION", "daysToRenewal >= $1, daysToRenewal <= $2", "Days to renewal between (from, to)", Kind.TEXT,
                                "Two numbers, from and to, both included: \"30, 90\"." + ANY),
                        col("CONDITION", "seatUtilization >= $param", "Seat utilization at least", Kind.PERCENT,
                                "Seats used out of the seat limit." + ANY),
                        col("CONDITION", "(forall(||){segment == \"$\"})", "Segment is one of", Kind.SEGMENTS,
                                "One or more segments, comma-separated: \"MID_MARKET, ENTERPRISE\"." + ANY)), List.of(
                        row("Business plan: near the usage limit and comparing plans", "TEAM", 0.9, 2, null, null, null, null, null, null,
                                "plan-upgrade-business", 0.5, "SELF_SERVE"),
                        row("Business plan: near the usage limit", "TEAM", 0.9, null, null, null, null, null, null, null,
                                "plan-upgrade-business", 0.35, "SELF_SERVE"),
                        row("Business plan: comparing plans", "TEAM", null, 2, null, null, null, null, null, null,
                                "plan-upgrade-business", 0.35, "SELF_SERVE"),
                        row("Enterprise plan: Business account with 50 seats or more", "BUSINESS", null, null, 50, null, null, null, null,
                                null, "plan-upgrade-enterprise", 0.25, "SALES_HANDOFF"),
                        row("Annual billing: monthly payer for 90 days or more", null, null, null, null, "MONTHLY", 90, null, null, null,
                                "annual-switch", 0.3, "SELF_SERVE", 100),
                        row("Renewal bundle: mid-market and enterprise renewing soon, as a CS task", null, null, null, null, null, null,
                                "30, 90", 0.7, "MID_MARKET, ENTERPRISE", "renewal-expansion-bundle", 0.4, "CS_TASK"),
                        row("Renewal bundle: other accounts renewing soon, self-serve", null, null, null, null, null, null,
                                "30, 90", 0.7, null, "renewal-expansion-bundle", 0.4, "SELF_SERVE")));
    }

    private static Book crossSell() {
        return offers("cross-sell.drl.xlsx", "Cross-sell", "Cross-sell offers",
                "When to propose a module the account does not own yet. The first matching row per offer wins.",
                "expansion.crosssell", List.of(
                        col("CONDITION", "!owns(\"$param\")", "Does not own product", Kind.PRODUCT,
                                "A product the account has not bought." + ANY),
                        col("CONDITION", "uses(\"$param\")", "Uses feature", Kind.FEATURE, "A feature the account uses." + ANY),
                        col("CONDITION", "activeRoles >= $param", "Active roles at least", Kind.NUMBER,
                                "Distinct user roles active in the account." + ANY)), List.of(
                        row("Analytics: report users with 2 or more active roles", "ANALYTICS", "reports", 2, "analytics-module", 0.3,
                                "SELF_SERVE"),
                        row("Automation: workflow users", "AUTOMATION", "workflows", null, "automation-module", 0.25, "SELF_SERVE",
                                50)));
    }

    private static Book enablement() {
        return offers("enablement.drl.xlsx", "Enablement", "Enablement offers",
                "When to teach before selling. Enablement has no value, so it ranks by propensity (a floor value of 100).",
                "expansion.enablement", List.of(
                        col("CONDITION", "healthScore < $param", "Health score below", Kind.NUMBER,
                                "The account's health score, 0 to 100." + ANY)), List.of(
                        row("Academy: unhealthy accounts learn first", 60, "enablement-academy", 0.5, "SELF_SERVE")));
    }

    /** An offer workbook: its conditions, then offer, propensity, action, and the optional Learn and Explore. */
    static Book offers(String file, String sheet, String title, String description, String ruleSet,
                               List<Column> conditions, List<List<Object>> rows) {
        List<Column> columns = new ArrayList<>();
        columns.add(name("Why the offer is proposed; every explanation names it."));
        columns.addAll(conditions);
        columns.add(col("ACTION", "Proposal offer = evaluation.propose(drools, \"$param\");", "Offer", Kind.OFFER,
                "The offer proposed, an id of the offer catalog. Required."));
        columns.add(col("ACTION", "offer.setPropensity($param);", "Propensity", Kind.PERCENT,
                "How likely the account is to take the offer (40 % = 0.4); it weighs the score. Required."));
        columns.add(col("ACTION", "offer.setAction(\"$param\");", "Action", Kind.ACTION,
                "Who acts: SELF_SERVE (the customer), SALES_HANDOFF (sales), CS_TASK (customer success). Required."));
        columns.add(col("ACTION", "offer.setPriorPresentations($param);", "Learn", Kind.STRENGTH,
                "Optional: a number of presentations, e.g. 50. The row's propensity becomes a starting point that the offer's"
                        + " own results update, per segment: it weighs as much as this many presentations against the"
                        + " presentations counted and the acceptances or purchases among them. Empty: the row keeps its propensity."));
        columns.add(col("ACTION", "offer.setExplore(\"$param\");", "Explore", Kind.YES_NO,
                "Optional, with Learn: yes draws the propensity at random from what was learned (wide while little is"
                        + " known), so that offers with few presentations still get shown. Empty or no: the learned average."));
        List<List<Object>> padded = rows.stream().map(r -> {
            List<Object> cells = new ArrayList<>(r);
            cells.addAll(Collections.nCopies(columns.size() - r.size(), null));
            return cells;
        }).toList();
        return new Book(file, sheet, title, description, ruleSet, EVALUATION, RAW_NUMBERS,
                List.of(new Table(8, title, ACCOUNT, columns, padded)));
    }

    static Column name(String note) {
        return new Column("NAME", null, "Rule", Kind.TEXT, note + " Required: a row without a name is not a rule.");
    }

    static Column col(String keyword, String template, String name, Kind kind, String note) {
        return new Column(keyword, template, name, kind, note);
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static List<String> values(Table table, int column) {
        return table.rows().stream().map(r -> String.valueOf(r.get(column))).distinct().toList();
    }
}
