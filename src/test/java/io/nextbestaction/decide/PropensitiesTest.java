package io.nextbestaction.decide;

import io.nextbestaction.decide.LearnedCounts.Counts;
import io.nextbestaction.rules.ProposedOffer;
import io.nextbestaction.rules.RowRef;
import io.nextbestaction.rules.facts.Action;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learned propensities worked out by hand: the posterior mean, the Thompson draw, and what the explanation says. */
class PropensitiesTest {

    private static final RowRef ROW = new RowRef("add-on.drl.xlsx", "Add-ons", 14, "Seat pack: seats nearly full");
    /** 1,204 presentations of seat-pack-10 in SMB, 369 of them accepted or purchased; 10 in ENTERPRISE, all accepted. */
    private static final Optional<LearnedCounts> LEARNED = Optional.of(new LearnedCounts(Map.of("seat-pack-10",
            Map.of("SMB", new Counts(1204, 369), "ENTERPRISE", new Counts(10, 10))), Instant.parse("2026-12-03T12:00:00Z")));
    private static final UUID DECISION = UUID.fromString("709e6bc6-47ef-4e7e-87b8-399412e25c45");

    @Test
    void aLearningRowServesThePosteriorMeanAndSaysSo() {
        // Beta(0.4 × 50, 0.6 × 50) = Beta(20, 30), then 1,204 presentations and 369 acceptances: (20 + 369) / (50 + 1204).
        var estimate = forSegment(DecisionRequest.Segment.SMB).of(learning(0.4, 50, false));
        assertEquals(0.3102, estimate.propensity());
        assertEquals("propensity 0.3102 = learned from 1,204 presentations (table prior 0.4)", estimate.explanation());

        var enterprise = forSegment(DecisionRequest.Segment.ENTERPRISE).of(learning(0.4, 50, false));
        assertEquals(0.5, enterprise.propensity(), "(20 + 10) / (50 + 10)");
        assertEquals("propensity 0.5 = learned from 10 presentations (table prior 0.4)", enterprise.explanation());
    }

    @Test
    void withoutPresentationsTheTableValueServesExactly() {
        var midMarket = forSegment(DecisionRequest.Segment.MID_MARKET).of(learning(0.35, 30, false));
        assertEquals(0.35, midMarket.propensity());
        assertEquals("propensity 0.35 = learned from 0 presentations (table prior 0.35)", midMarket.explanation());
        var noSegment = forSegment(null).of(learning(0.4, 50, false));
        assertEquals(0.4, noSegment.propensity(), "a request without a segment has counts of its own ('')");
    }

    @Test
    void aRowWithoutLearnAPinnedViewAndLearningOffServeTheTableValue() {
        var plain = new ProposedOffer("seat-pack-10", 0.4, Action.SELF_SERVE, ROW, null, false);
        assertEquals(new Propensities.Estimate(0.4, null), forSegment(DecisionRequest.Segment.SMB).of(plain));
        assertEquals(new Propensities.Estimate(0.4, null), Propensities.TABLE.of(learning(0.4, 50, true)));
        var off = Propensities.forDecision(Optional.empty(), request(DecisionRequest.Segment.SMB), DECISION);
        assertEquals(new Propensities.Estimate(0.4, null), off.of(learning(0.4, 50, false)));
    }

    @Test
    void anExploringRowDrawsTheSameValueForTheSameDecisionAndTheMeanOverMany() {
        var row = learning(0.4, 50, true);
        var first = forSegment(DecisionRequest.Segment.SMB).of(row);
        assertEquals(first, forSegment(DecisionRequest.Segment.SMB).of(row), "the same decision id draws the same value");
        assertTrue(first.explanation().matches("propensity 0\\.\\d{1,4} = sampled to explore, from what was learned from 1,204"
                + " presentations \\(mean 0\\.3102, table prior 0\\.4\\)"), first.explanation());

        SplittableRandom ids = new SplittableRandom(7);
        List<Double> draws = IntStream.range(0, 20_000).mapToObj(i -> Propensities.forDecision(LEARNED,
                request(DecisionRequest.Segment.SMB), new UUID(ids.nextLong(), ids.nextLong())).of(row).propensity()).toList();
        double mean = draws.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // Beta(389, 865): mean 0.3102, standard deviation 0.0131; the mean of 20,000 draws is within 0.0003 of it.
        assertEquals(0.3102, mean, 0.001);
        double sd = Math.sqrt(draws.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / draws.size());
        assertEquals(0.0131, sd, 0.001);
        Set<Double> distinct = draws.stream().collect(Collectors.toSet());
        assertTrue(distinct.size() > 100, "other decisions draw other values");
    }

    @Test
    void theBetaDrawHasItsMeanAlsoBelowShapeOne() {
        SplittableRandom ids = new SplittableRandom(11);
        double mean = IntStream.range(0, 20_000).mapToDouble(i -> BetaSample.draw(0.5, 2.5,
                new UUID(ids.nextLong(), ids.nextLong()), "offer")).average().orElseThrow();
        assertEquals(0.5 / 3, mean, 0.01);
        assertEquals(0.0, BetaSample.draw(0, 50, DECISION, "offer"), "a table propensity of 0 that never converted stays 0");
        assertEquals(1.0, BetaSample.draw(50, 0, DECISION, "offer"));
    }

    private static ProposedOffer learning(double propensity, int strength, boolean explore) {
        return new ProposedOffer("seat-pack-10", propensity, Action.SELF_SERVE, ROW, strength, explore);
    }

    private static Propensities forSegment(DecisionRequest.Segment segment) {
        return Propensities.forDecision(LEARNED, request(segment), DECISION);
    }

    private static DecisionRequest request(DecisionRequest.Segment segment) {
        var account = new DecisionRequest.AccountData("acct-1", segment, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        return new DecisionRequest("req-1", account, List.of(), null, null, null, null, null);
    }
}
