package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The opaque page cursor alone: round trip, and every foreign or damaged cursor a 400 BAD_CURSOR. */
class CursorTest {
    @Test
    void aPositionSurvivesTheRoundTripUnicodeIncluded() {
        String position = "élise tremblay#01ARZ3NDEKTSV4RRFFQ69G5FAV 😀";
        assertEquals(position, Cursor.decode(Cursor.encode(position), p -> true));
        assertNull(Cursor.decode(null, p -> true));
        assertNull(Cursor.decode("", p -> true));
        assertNull(Cursor.encode(null));
    }

    @Test
    void foreignDamagedOrOversizedCursorsAreRefusedAlike() {
        for (String raw : new String[]{"%%%", "not base64!", Cursor.encode("HISTORY#x"), Cursor.encode("x".repeat(900))}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(raw, p -> p.startsWith("PROJECT#")));
            assertEquals(ProblemCode.VALIDATION_FAILED, e.code());
            assertEquals("BAD_CURSOR", e.fieldErrors().get(0).reason());
        }
    }
}
