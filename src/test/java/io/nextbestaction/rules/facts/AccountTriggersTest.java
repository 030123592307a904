package io.nextbestaction.rules.facts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTriggersTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static Account account() {
        Account a = new Account();
        a.setNow(NOW);
        return a;
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Instant inDays(int days) {
        return NOW.plus(Duration.ofDays(days));
    }

    @Test
    void healthScoreBelowTriggersOnlyStrictlyBelowTheThreshold() {
        Account a = account();
        assertNull(a.healthScoreBelow(50), "absent score never triggers");
        a.setHealthScore(50);
        assertNull(a.healthScoreBelow(50));
        a.setHealthScore(49);
        Trigger t = a.healthScoreBelow(50);
        assertNotNull(t);
        assertTrue(t.reason().contains("49"), t.reason());
        assertNull(t.eligibleAgainAt(), "no window decides when a low score lifts");
    }

    @Test
    void openTicketsAboveTriggersOnlyStrictlyAboveTheThreshold() {
        Account a = account();
        assertNull(a.openTicketsAbove(3), "absent count never triggers");
        a.setOpenTickets(3);
        assertNull(a.openTicketsAbove(3));
        a.setOpenTickets(4);
        Trigger t = a.openTicketsAbove(3);
        assertNotNull(t);
        assertTrue(t.reason().contains("4"), t.reason());
        assertNull(t.eligibleAgainAt());
    }

    @Test
    void ticketWithinDays() {
        assertCooldown(Account::setDaysSinceLastTicket, Account::ticketWithinDays);
    }

    @Test
    void downgradeWithinDays() {
        assertCooldown(Account::setDaysSinceDowngrade, Account::downgradeWithinDays);
    }

    @Test
    void purchaseWithinDays() {
        assertCooldown(Account::setDaysSinceLastPurchase, Account::purchaseWithinDays);
    }

    /** A cooldown of 30 days: the account is eligible again once the event is 30 days old. */
    private static void assertCooldown(BiConsumer<Account, Integer> daysSince,
                                       BiFunction<Account, Integer, Trigger> within) {
        Account a = account();
        assertNull(within.apply(a, 30), "absent field never triggers");
        daysSince.accept(a, 30);
        assertNull(within.apply(a, 30), "exactly the window has passed: no longer cooling down");
        daysSince.accept(a, 45);
        assertNull(within.apply(a, 30));

        daysSince.accept(a, 29);
        assertEquals(inDays(1), within.apply(a, 30).eligibleAgainAt());
        daysSince.accept(a, 10);
        Trigger t = within.apply(a, 30);
        assertEquals(inDays(20), t.eligibleAgainAt());
        assertTrue(t.reason().contains("10") && t.reason().contains("30"), t.reason());
        daysSince.accept(a, 0);
        assertEquals(inDays(30), within.apply(a, 30).eligibleAgainAt());
    }

    @Test
    void expansionCapCountsOnlyPresentedExpansionOffersWithinTheWindow() {
        Account a = account();
        a.setContacts(List.of(
                new Contact("add-on-1", OfferType.ADD_ON, Outcome.PRESENTED, daysAgo(20)),
                new Contact("upsell-1", OfferType.UPSELL, Outcome.PRESENTED, daysAgo(1)),
                new Contact("cross-1", OfferType.CROSS_SELL, Outcome.PRESENTED, daysAgo(5)),
                // None of these count toward the cap:
                new Contact("training", OfferType.ENABLEMENT, Outcome.PRESENTED, daysAgo(2)),
                new Contact("upsell-2", OfferType.UPSELL, Outcome.DISMISSED, daysAgo(3)),
                new Contact("retired", null, Outcome.PRESENTED, daysAgo(1)),
                new Contact("upsell-3", OfferType.UPSELL, Outcome.PRESENTED, daysAgo(40))));

        assertEquals(3, a.presentedExpansionOffers(30));
        assertNull(a.expansionOffersPresented(4, 30), "below the cap: 3 presented, cap 4");

        Trigger cap3 = a.expansionOffersPresented(3, 30);
        assertNotNull(cap3);
        assertTrue(cap3.reason().startsWith("3 expansion offers"), cap3.reason());
        // Lifts when the 3rd most recent (20 days ago) leaves the 30-day window.
        assertEquals(inDays(10), cap3.eligibleAgainAt());
        // Cap 2: lifts when the 2nd most recent (5 days ago) leaves, leaving only one in the window.
        assertEquals(inDays(25), a.expansionOffersPresented(2, 30).eligibleAgainAt());
    }

    @Test
    void enablementPresentationsNeverReachTheExpansionCap() {
        Account a = account();
        a.setContacts(List.of(
                new Contact("training-1", OfferType.ENABLEMENT, Outcome.PRESENTED, daysAgo(1)),
                new Contact("training-2", OfferType.ENABLEMENT, Outcome.PRESENTED, daysAgo(2)),
                new Contact("training-3", OfferType.ENABLEMENT, Outcome.PRESENTED, daysAgo(3))));
        assertNull(a.expansionOffersPresented(1, 30));
        a.setContacts(List.of(new Contact("upsell-1", OfferType.UPSELL, Outcome.PRESENTED, daysAgo(3))));
        assertEquals(inDays(27), a.expansionOffersPresented(1, 30).eligibleAgainAt(), "control: an upsell does");
    }

    @Test
    void dismissalRestsEachOfferFromItsLatestDismissal() {
        Account a = account();
        a.setContacts(List.of(
                new Contact("seats-upsell", OfferType.UPSELL, Outcome.DISMISSED, daysAgo(10)),
                new Contact("seats-upsell", OfferType.UPSELL, Outcome.DISMISSED, daysAgo(3)),
                new Contact("seats-upsell", OfferType.UPSELL, Outcome.DISMISSED, daysAgo(7)),
                new Contact("training", OfferType.ENABLEMENT, Outcome.DISMISSED, daysAgo(13)),
                new Contact("sso-addon", OfferType.ADD_ON, Outcome.DISMISSED, daysAgo(20)),
                new Contact("api-addon", OfferType.ADD_ON, Outcome.PRESENTED, daysAgo(1))));

        Trigger t = a.offersDismissedWithinDays(14);
        assertNotNull(t);
        Trigger seats = t.forOffer("seats-upsell");
        assertEquals(inDays(11), seats.eligibleAgainAt(), "the latest dismissal (3 days ago) decides");
        assertTrue(seats.reason().contains("3 days ago"), seats.reason());
        assertEquals(inDays(1), t.forOffer("training").eligibleAgainAt());
        assertNull(t.forOffer("sso-addon"), "dismissed outside the window");
        assertNull(t.forOffer("api-addon"), "presented, not dismissed");
        assertNull(t.forOffer("never-shown"));
    }

    @Test
    void noDismissalWithinTheWindowMeansNoTrigger() {
        Account a = account();
        assertNull(a.offersDismissedWithinDays(14), "no history");
        a.setContacts(List.of(new Contact("sso-addon", OfferType.ADD_ON, Outcome.DISMISSED, daysAgo(15))));
        assertNull(a.offersDismissedWithinDays(14));
    }

    @Test
    void seatUtilizationIsUsedOverLimitAndZeroWithoutALimit() {
        Account a = account();
        assertEquals(0.0, a.getSeatUtilization(), "absent seats");
        a.setSeatsUsed(45);
        assertEquals(0.0, a.getSeatUtilization(), "absent limit");
        a.setSeatsLimit(0);
        assertEquals(0.0, a.getSeatUtilization(), "zero limit does not divide by zero");
        a.setSeatsLimit(50);
        assertEquals(0.9, a.getSeatUtilization(), 1e-9);
    }

    @Test
    void usageUtilizationPerMetricAndTheMaximum() {
        Account a = account();
        assertEquals(0.0, a.getMaxUsageUtilization(), "no usage");
        a.setUsage(Map.of(
                "api-calls", new Usage(800, 1000.0),
                "storage-gb", new Usage(30, 100.0),
                "unlimited", new Usage(5_000, null),
                "zero-limit", new Usage(5, 0.0)));
        assertEquals(0.8, a.usageUtilization("api-calls"), 1e-9);
        assertEquals(0.3, a.usageUtilization("storage-gb"), 1e-9);
        assertEquals(0.0, a.usageUtilization("unlimited"), "no limit never triggers an offer");
        assertEquals(0.0, a.usageUtilization("zero-limit"));
        assertEquals(0.0, a.usageUtilization("not-metered"));
        assertEquals(0.8, a.getMaxUsageUtilization(), 1e-9);
    }

    @Test
    void signalCountCountsOneTypeWithinTheWindowInclusive() {
        Account a = account();
        a.setSignals(List.of(
                new Signal("pricing-page", 0),
                new Signal("pricing-page", 7),
                new Signal("pricing-page", 8),
                new Signal("plan-compare", 1)));
        assertEquals(2, a.signalCount("pricing-page", 7));
        assertEquals(3, a.signalCount("pricing-page", 8));
        assertEquals(1, a.signalCount("plan-compare", 7));
        assertEquals(0, a.signalCount("webinar", 30));
    }
}
