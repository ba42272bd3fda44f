package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.ProblemCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The two languages say the same things: every key in both, every document kind labelled, apostrophes kept. */
class MessagesTest {
    static Set<String> keys(Locale locale) {
        return new TreeSet<>(ResourceBundle.getBundle("messages", locale).keySet());
    }

    @Test
    void everyMessageExistsInEnglishAndFrench() {
        assertEquals(keys(Locale.ROOT), keys(Locale.CANADA_FRENCH));
        for (ProblemCode code : ProblemCode.values()) {
            assertNotEquals("title." + code, Messages.text(Locale.ENGLISH, "title." + code, List.of()), code::name);
        }
    }

    @Test
    void everyDocumentKindHasAFrenchAndAnEnglishLabel() {
        for (DocumentKind kind : DocumentKind.values()) {
            String en = Messages.text(Locale.ENGLISH, "kind." + kind, List.of());
            String fr = Messages.text(Locale.CANADA_FRENCH, "kind." + kind, List.of());
            assertNotEquals("kind." + kind, en);
            assertNotEquals("kind." + kind, fr);
            assertFalse(fr.contains("''"), fr);
        }
        assertEquals("Certificat d'assurance", Messages.text(Locale.CANADA_FRENCH, "kind.INSURANCE", List.of()));
        assertEquals("Cautionnement", Messages.text(Locale.CANADA_FRENCH, "kind.BOND", List.of()));
    }
}
