package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user's text may hold, and cutting one without splitting a character. */
class TextsTest {
    static final String EMOJI = "\uD83D\uDE00";

    @Test
    void aTextIsWellFormedUnicodeWithoutControlOrInvisibleDirectionCharacters() {
        assertNull(Texts.problemOf("Geneviève Côté 😀\tdossier"), "accents, emoji and tab are text");
        assertEquals("NOT_UNICODE", Texts.problemOf("a\uD800b"), "a lone surrogate");
        assertEquals("NOT_UNICODE", Texts.problemOf("a\uFFFDb"), "what invalid UTF-8 decodes to");
        assertEquals("CONTROL_CHARACTERS", Texts.problemOf("a\u0007b"));
        assertEquals("CONTROL_CHARACTERS", Texts.problemOf("line\nbreak"));
        assertEquals("CONTROL_CHARACTERS", Texts.problemOf("report\u202Efdp.exe"), "right-to-left override");
        assertEquals("CONTROL_CHARACTERS", Texts.problemOf("a\u2066b"));
        assertEquals("CONTROL_CHARACTERS", Texts.problemOf("a\u200Eb"));
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        assertEquals("abc", Texts.cut("abc", 5));
        assertEquals("ab", Texts.cut("ab" + EMOJI, 3), "the emoji would be cut in half: left out");
        assertEquals("ab" + EMOJI, Texts.cut("ab" + EMOJI + "c", 4));
        assertTrue(Texts.isWellFormed(EMOJI));
        assertFalse(Texts.isWellFormed("\uDE00\uD83D"), "low before high");
    }
}
