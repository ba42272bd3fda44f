package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

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
}
