package io.nextbestaction.log;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionIdsTest {

    @Test
    void shouldBeVersion7UuidsThatSortByDecisionTime() {
        UUID earlier = DecisionIds.next(1_790_000_000_000L);
        UUID later = DecisionIds.next(1_790_000_000_001L);
        assertEquals(7, earlier.version());
        assertEquals(2, earlier.variant());
        assertEquals(1_790_000_000_000L, earlier.getMostSignificantBits() >>> 16);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " sorts before " + later);
        assertNotEquals(DecisionIds.next(1L), DecisionIds.next(1L));
    }
}
