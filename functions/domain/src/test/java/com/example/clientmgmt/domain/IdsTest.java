package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {
    @Test
    void idsSortByCreationAndHaveOneShape() {
        String earlier = Ids.newId(Instant.parse("2026-01-01T00:00:00Z"));
        String later = Ids.newId(Instant.parse("2026-01-01T00:00:01Z"));
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(Ids.isWellFormed(earlier));
        assertFalse(Ids.isWellFormed("../etc/passwd"));
        assertFalse(Ids.isWellFormed("01HXYZ#PROJECT"));
        assertFalse(Ids.isWellFormed(null));
    }

    @Test
    void anIdMadeAfterAnotherSortsAfterItEvenWithinTheSameMillisecond() {
        Instant t = Instant.parse("2026-11-27T15:00:00.123Z");
        String previous = Ids.newId(t);
        assertEquals(t.toEpochMilli(), Ids.timeOf(previous));
        for (int i = 0; i < 200; i++) {
            String next = Ids.newIdAfter(previous, t);
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
        assertTrue(Ids.newIdAfter(null, t).startsWith(Ids.newId(t).substring(0, 10)));
    }
}
