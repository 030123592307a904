package io.nextbestaction.decide;

import io.nextbestaction.decide.DecisionResponse.OfferView;
import io.nextbestaction.decide.DecisionResponse.SuppressionView;
import io.nextbestaction.rules.Findings;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.OfferCatalog.Offer;
import io.nextbestaction.rules.ProposedOffer;
import io.nextbestaction.rules.RowRef;
import io.nextbestaction.rules.TriggeredGuardrail;
import io.nextbestaction.rules.facts.Action;
import io.nextbestaction.rules.facts.OfferType;
import io.nextbestaction.rules.facts.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.nextbestaction.rules.facts.Action.CS_TASK;
import static io.nextbestaction.rules.facts.Action.SALES_HANDOFF;
import static io.nextbestaction.rules.facts.Action.SELF_SERVE;
import static io.nextbestaction.rules.facts.OfferType.ADD_ON;
import static io.nextbestaction.rules.facts.OfferType.CROSS_SELL;
import static io.nextbestaction.rules.facts.OfferType.ENABLEMENT;
import static io.nextbestaction.rules.facts.OfferType.UPSELL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ranking policy on hand-built findings: no Quarkus, no database, no rule compile. */
class ArbitrationTest {

    private static final Instant T1 = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-04-01T00:00:00Z");

    /** Five offers in four families; placements "home" (2.0) and "footer" (0.0). */
    private static final OfferCatalog CATALOG = catalog(
            offer("seats-50", UPSELL, "seats", 400, 1.0), offer("seats-100", UPSELL, "seats", 800, 1.0),
            offer("sso", ADD_ON, "security", 300, 1.2), offer("reports", CROSS_SELL, "analytics", 250, 1.0),
            offer("onboarding", ENABLEMENT, "adoption", 0, 1.0), offer("audit-log", ADD_ON, "compliance", 150, 1.0));

    @Test
    void scoresPropensityTimesFlooredValueTimesLeverTimesPlacementWeightAndExplainsIt() {
        var result = rank(CATALOG, List.of(propose("sso", 0.5, SELF_SERVE, row(3)), propose("onboarding", 0.4, SELF_SERVE, row(4))),
                List.of(), request(null, null, "home", null));
        assertEquals(List.of(
                new OfferView(1, "sso", "ADD_ON", "security", "IN_APP", "SELF_SERVE", 0.5, 300.0, 360.0, List.of(
                        "offers.xlsx › Offers row 3: r3", "score 360.0 = propensity 0.5 × value 300.0 × lever 1.2 × placement weight 2.0")),
                new OfferView(2, "onboarding", "ENABLEMENT", "adoption", "IN_APP", "SELF_SERVE", 0.4, 0.0, 80.0, List.of(
                        "offers.xlsx › Offers row 4: r4", "score 80.0 = propensity 0.4 × value 100.0 × lever 1.0 × placement weight 2.0"))),
                result.offers());
        assertEquals(List.of(), result.suppressed());
    }

    @Test
    void scoresALearningRowWithItsLearnedPropensityAndExplainsWhereItComesFrom() {
        var learned = Optional.of(new LearnedCounts(Map.of("sso", Map.of("", new LearnedCounts.Counts(150, 30))), T1));
        var proposal = new ProposedOffer("sso", 0.5, SELF_SERVE, row(3), 50, false);
        var result = Arbitration.rank(CATALOG, new Findings(List.of(proposal), List.of()), request(null, null, "home", null),
                Propensities.forDecision(learned, request(null, null, "home", null), UUID.randomUUID()));
        // (0.5 × 50 + 30) / (50 + 150) = 0.275
        assertEquals(List.of(new OfferView(1, "sso", "ADD_ON", "security", "IN_APP", "SELF_SERVE", 0.275, 300.0, 198.0, List.of(
                "offers.xlsx › Offers row 3: r3", "propensity 0.275 = learned from 150 presentations (table prior 0.5)",
                "score 198.0 = propensity 0.275 × value 300.0 × lever 1.2 × placement weight 2.0"))), result.offers());
    }

    @Test
    void ordersByScoreThenOfferIdAndRanksFromOne() {
        // zeta: 0.3 × 300 × 1.1 = 99.00000000000001 in doubles, alpha: 0.9 × 110 × 1.0 = 99.0; both score 99.0.
        var catalog = catalog(offer("zeta", ADD_ON, "z", 300, 1.1), offer("alpha", ADD_ON, "a", 110, 1.0),
                offer("mid", ADD_ON, "m", 100, 1.0), offer("low", ADD_ON, "l", 100, 1.0));
        var result = rank(catalog, List.of(propose("low", 0.1, SELF_SERVE, row(1)), propose("zeta", 0.3, SELF_SERVE, row(2)),
                propose("alpha", 0.9, SELF_SERVE, row(3)), propose("mid", 1.0, SELF_SERVE, row(4))), List.of(), request(null, null, null, 10));
        assertEquals(List.of("mid", "alpha", "zeta", "low"), ids(result));
        assertEquals(List.of(1, 2, 3, 4), result.offers().stream().map(OfferView::rank).toList());
        assertEquals(List.of(100.0, 99.0, 99.0, 10.0), result.offers().stream().map(OfferView::score).toList());
    }

    @Test
    void keepsOneOfferPerFamilyAndDropsTheLowerScoringOne() {
        // seats-100 320, seats-50 200, sso 180, reports 50: seats-50 is dropped, not moved behind sso.
        var result = rank(CATALOG, List.of(propose("seats-50", 0.5, SELF_SERVE, row(1)), propose("seats-100", 0.4, SELF_SERVE, row(2)),
                propose("sso", 0.5, SELF_SERVE, row(3)), propose("reports", 0.2, SELF_SERVE, row(4))), List.of(), request(null, null, null, 10));
        assertEquals(List.of("seats-100", "sso", "reports"), ids(result));
        assertEquals(List.of(320.0, 180.0, 50.0), result.offers().stream().map(OfferView::score).toList());
        assertEquals(List.of(), result.suppressed());
    }

    @Test
    void takesTheFirstLimitOffersThreeWhenAbsent() {
        // seats-50 200, sso 180, reports 100, onboarding 50
        var proposals = List.of(propose("onboarding", 0.5, SELF_SERVE, row(1)), propose("reports", 0.4, SELF_SERVE, row(2)),
                propose("sso", 0.5, SELF_SERVE, row(3)), propose("seats-50", 0.5, SELF_SERVE, row(4)));
        assertEquals(List.of("seats-50", "sso", "reports"), ids(rank(CATALOG, proposals, List.of(), request(null, null, null, null))));
        assertEquals(List.of("seats-50"), ids(rank(CATALOG, proposals, List.of(), request(null, null, null, 1))));
        assertEquals(List.of("seats-50", "sso", "reports", "onboarding"), ids(rank(CATALOG, proposals, List.of(), request(null, null, null, 4))));
        var none = rank(CATALOG, proposals, List.of(), request(null, null, null, 0));
        assertEquals(List.of(), none.offers());
        assertEquals(List.of(), none.suppressed());
    }

    @Test
    void weighsAnUnknownPlacementOneAndAKnownPlacementByItsWeight() {
        var proposals = List.of(propose("sso", 0.5, SELF_SERVE, row(1)), propose("reports", 0.4, SELF_SERVE, row(2)));
        Function<String, List<Double>> scores = placement -> rank(CATALOG, proposals, List.of(), request(null, null, placement, null))
                .offers().stream().map(OfferView::score).toList();
        assertEquals(List.of(180.0, 100.0), scores.apply(null));
        assertEquals(List.of(180.0, 100.0), scores.apply("nowhere"));
        assertEquals(List.of(360.0, 200.0), scores.apply("home"));
        assertEquals(List.of("sso", "reports"), ids(rank(CATALOG, proposals, List.of(), request(null, null, "home", null))));
        // Weight 0 makes every score 0, so the order falls back to offer id.
        var footer = rank(CATALOG, proposals, List.of(), request(null, null, "footer", null));
        assertEquals(List.of("reports", "sso"), ids(footer));
        assertEquals(List.of(0.0, 0.0), footer.offers().stream().map(OfferView::score).toList());
        assertEquals("score 0.0 = propensity 0.4 × value 250.0 × lever 1.0 × placement weight 0.0", footer.offers().get(0).reasons().get(1));
    }

    @Test
    void theFirstRowPerOfferWinsInFileSheetRowOrder() {
        var result = rank(CATALOG, List.of(
                        propose("sso", 0.9, SELF_SERVE, new RowRef("offers.xlsx", "Offers", 12, "late")),
                        propose("sso", 0.3, SELF_SERVE, new RowRef("offers.xlsx", "Offers", 9, "early")),
                        propose("reports", 0.9, SELF_SERVE, new RowRef("b.xlsx", "Offers", 1, "b-file")),
                        propose("reports", 0.2, SALES_HANDOFF, new RowRef("a.xlsx", "Offers", 20, "a-file")),
                        propose("onboarding", 0.9, SELF_SERVE, new RowRef("offers.xlsx", "Expansion", 2, "x-sheet")),
                        propose("onboarding", 0.6, CS_TASK, new RowRef("offers.xlsx", "Adoption", 30, "a-sheet"))),
                List.of(), request(null, null, null, null));
        assertEquals(List.of("sso", "onboarding", "reports"), ids(result));
        assertEquals(List.of(0.3, 0.6, 0.2), result.offers().stream().map(OfferView::propensity).toList());
        assertEquals(List.of("IN_APP", "CSM", "SALES"), result.offers().stream().map(OfferView::channel).toList());
        assertEquals(List.of("offers.xlsx › Offers row 9: early", "offers.xlsx › Adoption row 30: a-sheet", "a.xlsx › Offers row 20: a-file"),
                result.offers().stream().map(o -> o.reasons().get(0)).toList());
    }

    @Test
    void skipsProposalsOutsideTheCatalogOrWithoutPropensityOrAction() {
        var result = rank(CATALOG, List.of(propose("ghost", 0.9, SELF_SERVE, row(1)), propose("sso", null, SELF_SERVE, row(2)),
                propose("reports", 0.9, null, row(3)), propose("onboarding", 0.5, SELF_SERVE, row(4))), List.of(), request(null, null, null, null));
        assertEquals(List.of("onboarding"), ids(result));
        assertEquals(List.of(), result.suppressed());
    }

    @Test
    void aGuardrailSuppressesOnlyTheOfferTypesItNames() {
        var guardrail = new TriggeredGuardrail("RECENT_PURCHASE", Trigger.of("daysSinceLastPurchase = 5 < 30", T1),
                EnumSet.of(UPSELL, CROSS_SELL), guardRow(7));
        var result = rank(CATALOG, List.of(propose("seats-50", 0.9, SELF_SERVE, row(1)), propose("reports", 0.8, SELF_SERVE, row(2)),
                propose("sso", 0.5, SELF_SERVE, row(3)), propose("onboarding", 0.4, SELF_SERVE, row(4))), List.of(guardrail), request(null, null, null, null));
        assertEquals(List.of("sso", "onboarding"), ids(result));
        assertEquals(List.of(
                new SuppressionView("seats-50", "RECENT_PURCHASE", "daysSinceLastPurchase = 5 < 30", T1, "guardrails.xlsx › Guardrails row 7: g7"),
                new SuppressionView("reports", "RECENT_PURCHASE", "daysSinceLastPurchase = 5 < 30", T1, "guardrails.xlsx › Guardrails row 7: g7")),
                result.suppressed());
    }

    @Test
    void aDismissalSuppressesOnlyTheDismissedOfferAndFreesItsFamily() {
        var dismissal = new TriggeredGuardrail("DISMISSED", Trigger.forOffers(Map.of(
                "sso", Trigger.of("sso dismissed 3 days ago; rests 30 days", T1),
                "seats-100", Trigger.of("seats-100 dismissed 1 days ago; rests 30 days", T2))), EnumSet.allOf(OfferType.class), guardRow(8));
        var result = rank(CATALOG, List.of(propose("sso", 0.9, SELF_SERVE, row(1)), propose("audit-log", 0.5, SELF_SERVE, row(2)),
                propose("seats-100", 0.9, SELF_SERVE, row(3)), propose("seats-50", 0.1, SELF_SERVE, row(4))), List.of(dismissal), request(null, null, null, null));
        assertEquals(List.of("audit-log", "seats-50"), ids(result));
        assertEquals(List.of(
                new SuppressionView("sso", "DISMISSED", "sso dismissed 3 days ago; rests 30 days", T1, "guardrails.xlsx › Guardrails row 8: g8"),
                new SuppressionView("seats-100", "DISMISSED", "seats-100 dismissed 1 days ago; rests 30 days", T2, "guardrails.xlsx › Guardrails row 8: g8")),
                result.suppressed());
    }

    @Test
    void twoRowsOfOneGuardrailOnOneOfferAreReportedOnceWithBothReasonsAndTheLaterWindow() {
        Set<OfferType> upsell = EnumSet.of(UPSELL);
        var result = rank(CATALOG, List.of(propose("seats-50", 0.9, SELF_SERVE, row(1)), propose("sso", 0.5, SELF_SERVE, row(2))), List.of(
                new TriggeredGuardrail("COOLDOWN", Trigger.of("downgrade 10 days ago", T1), upsell, guardRow(1)),
                new TriggeredGuardrail("CAP", Trigger.of("3 offers in 30 days", T2), upsell, guardRow(2)),
                new TriggeredGuardrail("COOLDOWN", Trigger.of("ticket 2 days ago", T2), upsell, guardRow(3)),
                new TriggeredGuardrail("CAP", Trigger.of("5 offers in 90 days", T1), upsell, guardRow(4))), request(null, null, null, null));
        assertEquals(List.of("sso"), ids(result));
        assertEquals(List.of(
                new SuppressionView("seats-50", "COOLDOWN", "downgrade 10 days ago; ticket 2 days ago", T2,
                        "guardrails.xlsx › Guardrails row 1: g1; guardrails.xlsx › Guardrails row 3: g3"),
                new SuppressionView("seats-50", "CAP", "3 offers in 30 days; 5 offers in 90 days", T2,
                        "guardrails.xlsx › Guardrails row 2: g2; guardrails.xlsx › Guardrails row 4: g4")),
                result.suppressed());
    }

    @Test
    void selfServeTakesTheFirstAllowedChannelAndPeopleLedActionsKeepTheirs() {
        assertEquals("IN_APP", channelOf(SELF_SERVE, null, null));
        assertEquals("IN_APP", channelOf(SELF_SERVE, List.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP), Map.of()));
        assertEquals("EMAIL", channelOf(SELF_SERVE, List.of(Channel.SMS, Channel.EMAIL), Map.of(Channel.EMAIL, true, Channel.SMS, true)));
        assertEquals("SMS", channelOf(SELF_SERVE, List.of(Channel.EMAIL, Channel.SMS), Map.of(Channel.EMAIL, false, Channel.SMS, true)));
        assertEquals("SMS", channelOf(SELF_SERVE, List.of(Channel.SMS, Channel.EMAIL), Map.of(Channel.SMS, true)));
        assertEquals("SALES", channelOf(SALES_HANDOFF, List.of(), null));
        assertEquals("CSM", channelOf(CS_TASK, List.of(Channel.EMAIL), Map.of(Channel.EMAIL, false)));
    }

    @Test
    void aSelfServeOfferWithNoAllowedChannelIsSuppressedAsNoChannel() {
        var proposals = List.of(propose("sso", 0.9, SELF_SERVE, row(1)), propose("seats-50", 0.1, SALES_HANDOFF, row(2)));
        var result = rank(CATALOG, proposals, List.of(), request(List.of(Channel.EMAIL), Map.of(Channel.EMAIL, false), null, null));
        assertEquals(List.of("seats-50"), ids(result));
        assertEquals(List.of(new SuppressionView("sso", "NO_CHANNEL", "no channel left: requested [EMAIL], consent {EMAIL=false}", null, null)),
                result.suppressed());
        var noConsent = rank(CATALOG, proposals, List.of(), request(List.of(Channel.SMS), null, null, null));
        assertEquals(List.of("seats-50"), ids(noConsent));
        assertEquals(List.of(new SuppressionView("sso", "NO_CHANNEL", "no channel left: requested [SMS], consent none", null, null)),
                noConsent.suppressed());
    }

    // --- helpers ---

    private static Arbitration.Result rank(OfferCatalog catalog, List<ProposedOffer> proposals, List<TriggeredGuardrail> guardrails,
                                           DecisionRequest request) {
        return Arbitration.rank(catalog, new Findings(proposals, guardrails), request, Propensities.TABLE);
    }

    private static String channelOf(Action action, List<Channel> channels, Map<Channel, Boolean> consent) {
        var result = rank(CATALOG, List.of(propose("sso", 0.5, action, row(1))), List.of(), request(channels, consent, null, null));
        assertEquals(List.of(), result.suppressed());
        return result.offers().get(0).channel();
    }

    private static List<String> ids(Arbitration.Result result) {
        return result.offers().stream().map(OfferView::offerId).toList();
    }

    private static Offer offer(String id, OfferType type, String family, double value, double lever) {
        return new Offer(id, type, family, value, lever, new RowRef("catalog.xlsx", "Offers", 1, id));
    }

    private static OfferCatalog catalog(Offer... offers) {
        return new OfferCatalog(Stream.of(offers).collect(Collectors.toMap(Offer::id, o -> o)), Map.of("home", 2.0, "footer", 0.0));
    }

    private static ProposedOffer propose(String offerId, Double propensity, Action action, RowRef row) {
        return new ProposedOffer(offerId, propensity, action, row, null, false);
    }

    private static RowRef row(int n) {
        return new RowRef("offers.xlsx", "Offers", n, "r" + n);
    }

    private static RowRef guardRow(int n) {
        return new RowRef("guardrails.xlsx", "Guardrails", n, "g" + n);
    }

    private static DecisionRequest request(List<Channel> channels, Map<Channel, Boolean> consent, String placement, Integer limit) {
        var account = new DecisionRequest.AccountData("acct-1", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, consent, null);
        return new DecisionRequest("req-1", account, List.of(), channels, placement, limit, null, null);
    }
}
