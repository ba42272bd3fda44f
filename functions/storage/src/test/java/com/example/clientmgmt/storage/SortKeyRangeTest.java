package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A query's sort-key range, as DynamoDB checks a start key against it: bounds, and DynamoDB's order of strings. */
class SortKeyRangeTest {
    @Test
    void betweenIncludesBothBoundsAndBelowExcludesItsBound() {
        SortKeyRange history = SortKeyRange.between("HISTORY#", "HISTORY#\uffff");
        assertTrue(history.contains("HISTORY#"));
        assertTrue(history.contains("HISTORY#\uffff"));
        assertTrue(history.contains("HISTORY#0001#x"));
        assertFalse(history.contains("HISTORY#\uffff\uffff"));
        assertFalse(history.contains("HISTORX"));
        SortKeyRange expiring = SortKeyRange.below("2026-12-31");
        assertTrue(expiring.contains("2026-12-30#a#b"));
        assertFalse(expiring.contains("2026-12-31"));
        assertFalse(expiring.contains("2026-12-31#a#b"));
    }

    @Test
    void stringsCompareByCodePointAsDynamoDbsUtf8BytesDoNotAsJavasUtf16() {
        String emoji = "\uD83D\uDE00"; // U+1F600: after U+FFFF in UTF-8, before it in UTF-16
        assertTrue(emoji.compareTo("\uffff") < 0, "Java's own order says before");
        assertTrue(SortKeyRange.compare(emoji, "\uffff") > 0);
        assertFalse(SortKeyRange.between("HISTORY#", "HISTORY#\uffff").contains("HISTORY#" + emoji));
        assertEquals(0, SortKeyRange.compare("é" + emoji, "é" + emoji));
        assertTrue(SortKeyRange.compare("ab", "abc") < 0);
    }

    @Test
    void aPositionOutsideIsABadCursorAndNoCursorIsAFirstPage() {
        ProblemException refused = assertThrows(ProblemException.class, () -> SortKeyRange.below("2026-01-01").vet("2099-01-01#a#b"));
        assertEquals("BAD_CURSOR", refused.fieldErrors().get(0).reason());
        assertNull(SortKeyRange.below("2026-01-01").vet(null));
        assertEquals("2025-01-01#a#b", SortKeyRange.below("2026-01-01").vet("2025-01-01#a#b"));
    }
}
