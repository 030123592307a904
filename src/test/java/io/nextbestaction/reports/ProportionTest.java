package io.nextbestaction.reports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Wilson intervals against values worked out by hand (Newcombe 1998 gives 0.1334-0.2888 for 20 of 100). */
class ProportionTest {

    private static void assertInterval(long k, long n, double rate, double low, double high) {
        Proportion p = Proportion.of(k, n);
        assertEquals(rate, p.rate(), 1e-6);
        assertEquals(low, p.low(), 1e-6);
        assertEquals(high, p.high(), 1e-6);
    }

    @Test
    void shouldGiveTheWilsonScoreInterval() {
        assertInterval(20, 100, 0.2, 0.133367, 0.288829);
        assertInterval(3, 8, 0.375, 0.136844, 0.694258);
    }

    @Test
    void shouldStayInsideZeroAndOneAtTheEdges() {
        assertInterval(0, 10, 0.0, 0.0, 0.277533);
        assertInterval(10, 10, 1.0, 0.722467, 1.0);
    }

    @Test
    void shouldGiveNoRateWithoutTrials() {
        Proportion none = Proportion.of(0, 0);
        assertNull(none.rate());
        assertNull(none.low());
        assertNull(none.high());
    }
}
