package io.nextbestaction.reports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lift figures against values worked out by hand from the formulas (Newcombe 1998, method 10; pooled z-test). */
class LiftTest {

    @Test
    void shouldFindASeededDifferenceSignificant() {
        Lift lift = Lift.of(120, 1000, 80, 1000);
        assertEquals(0.04, lift.absolute().value(), 1e-6);
        assertEquals(0.013718, lift.absolute().low(), 1e-6);
        assertEquals(0.066449, lift.absolute().high(), 1e-6);
        assertEquals(0.5, lift.relative().value(), 1e-6);
        assertEquals(0.146244, lift.relative().low(), 1e-6);
        assertEquals(0.962933, lift.relative().high(), 1e-6);
        assertEquals(0.002869, lift.pValue(), 1e-6);
        assertTrue(lift.significant());
    }

    @Test
    void shouldNotFindANullDifferenceSignificant() {
        Lift lift = Lift.of(6, 40, 6, 40);
        assertEquals(0.0, lift.absolute().value(), 1e-9);
        assertEquals(-0.161572, lift.absolute().low(), 1e-6);
        assertEquals(0.161572, lift.absolute().high(), 1e-6);
        assertEquals(1.0, lift.pValue(), 1e-6);
        assertFalse(lift.significant());
        Lift small = Lift.of(5, 30, 1, 10);
        assertEquals(0.609134, small.pValue(), 1e-6);
        assertFalse(small.significant());
    }

    @Test
    void shouldGiveNoRelativeLiftWithoutConversionsAndNoLiftWithoutAccounts() {
        Lift noneHeldOut = Lift.of(5, 30, 0, 10);
        assertNull(noneHeldOut.relative());
        assertTrue(noneHeldOut.absolute().value() > 0);
        Lift empty = Lift.of(0, 0, 3, 10);
        assertNull(empty.absolute());
        assertNull(empty.pValue());
        assertFalse(empty.significant());
    }
}
