package com.example.clientmgmt.mailer;

import com.example.clientmgmt.domain.DocumentKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of document is named in words in both languages of the e-mails, never as its code. */
class MailTextsKindsTest {
    @Test
    void everyKindHasFrenchAndEnglishWords() {
        for (DocumentKind kind : DocumentKind.values()) {
            assertTrue(MailTexts.KIND_FR.containsKey(kind.name()), "fr: " + kind);
            assertTrue(MailTexts.KIND_EN.containsKey(kind.name()), "en: " + kind);
        }
    }
}
