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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * MessageFormat drops a single apostrophe (it quotes): every apostrophe between letters is written twice
     * in the bundles, so every formatted message keeps each one, in both languages.
     */
    @Test
    void everyFormattedMessageKeepsItsApostrophes() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.CANADA_FRENCH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("messages", locale.getLanguage().equals("fr") ? Locale.CANADA_FRENCH : Locale.ROOT);
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                assertFalse(pattern.matches("(?s).*\\p{L}'\\p{L}.*"), key + " has a single apostrophe, which MessageFormat drops: " + pattern);
                String text = Messages.text(locale, key, List.of("a", "b", "c"));
                long expected = pattern.replace("''", "\u0001").chars().filter(c -> c == 1).count();
                long kept = text.chars().filter(c -> c == '\'').count();
                assertEquals(expected, kept, key + " lost an apostrophe: " + text);
            }
        }
        assertEquals("Modifié par quelqu'un d'autre", Messages.text(Locale.CANADA_FRENCH, "title.VERSION_MISMATCH", List.of()));
    }

    /**
     * Each language is itself: no message reads the same in both, English has no French letters or words, French no
     * English words (a key copied without translating fails here; comparing the key sets cannot see it).
     */
    @Test
    void englishIsEnglishAndFrenchIsFrench() {
        ResourceBundle en = ResourceBundle.getBundle("messages", Locale.ROOT);
        ResourceBundle fr = ResourceBundle.getBundle("messages", Locale.CANADA_FRENCH);
        java.util.regex.Pattern frenchInEnglish = java.util.regex.Pattern.compile(
                "[éèêëàâùûçôîïœ«»]|\\b(le|la|les|des|du|est|une|pour|avec|doit|être|vous|votre|aucun)\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        java.util.regex.Pattern englishInFrench = java.util.regex.Pattern.compile(
                "\\b(the|must|is|are|with|and|of|your|you|not|this|no longer)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
        int checked = 0;
        for (String key : en.keySet()) {
            String english = en.getString(key);
            String french = fr.getString(key);
            assertNotEquals(english, french, key + " is the same in both languages");
            // Quebec bodies keep their French names in English ("Revenu Québec", the Autorité des marchés publics)
            String withoutNames = english.replace("Revenu Québec", "").replace("Autorité des marchés publics", "");
            assertFalse(frenchInEnglish.matcher(withoutNames).find(), key + " reads French in English: " + english);
            assertFalse(englishInFrench.matcher(french).find(), key + " reads English in French: " + french);
            checked++;
        }
        assertTrue(checked > 50, "the bundles were read: " + checked);
    }
}
