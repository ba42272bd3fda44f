package com.example.clientmgmt.mailer;

import com.example.clientmgmt.domain.Readiness;
import com.example.clientmgmt.platform.RequirementAtRisk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The at-risk e-mail in both languages: what is at risk, how many days are left, why, by when, and where to look. */
class MailTextsAtRiskTest {
    static RequirementAtRisk event(String label, long daysLeft, String status) {
        return new RequirementAtRisk("org", "Construction Démo inc.", "fr-CA", "P1", "Aréna de Terrebonne", "rule-revenu-quebec-attestation",
                "REVENU_QUEBEC_ATTESTATION", label, "SUBMISSION", "2026-12-13", daysLeft, status, List.of("adam"), "k");
    }

    @Test
    void frenchAndEnglishSayWhatWhyAndByWhen() {
        MailTexts.Mail fr = MailTexts.forAtRisk(event(null, 10, "MISSING"), "Marie", "fr-CA", "https://app/projects/P1/readiness");
        assertEquals("Exigence à risque : attestation de Revenu Québec — Aréna de Terrebonne", fr.subject());
        assertTrue(fr.text().contains("n'est pas satisfaite, 10 jours avant la date où elle est requise : aucun document de ce type"),
                fr.text());
        assertTrue(fr.text().contains("Requise le : 13 décembre 2026"), fr.text());
        assertTrue(fr.text().contains("https://app/projects/P1/readiness"));
        assertTrue(fr.html().contains("lang=\"fr-CA\""));

        MailTexts.Mail en = MailTexts.forAtRisk(event("Attestation for the city", 1, "ISSUED_TOO_LATE"), "Adam", "en", "https://x");
        assertEquals("Requirement at risk: Attestation for the city — Aréna de Terrebonne", en.subject());
        assertTrue(en.text().contains("is not met 1 day before it is needed: the attestation on file was issued after that date"),
                en.text());
        assertTrue(en.text().contains("Needed by: December 13, 2026"), en.text());
        assertFalse(en.text().contains("jours"), en.text());
    }

    @Test
    void everyReasonNotSatisfiedHasWordsInBothLanguages() {
        for (Readiness.Status status : Readiness.Status.values()) {
            if (status == Readiness.Status.SATISFIED || status == Readiness.Status.NO_DATE) {
                continue; // never at risk
            }
            for (String language : List.of("fr-CA", "en")) {
                String text = MailTexts.forAtRisk(event(null, 3, status.name()), null, language, "https://x").text();
                assertFalse(text.contains(status.name()), language + ": " + status + " in words, not its code: " + text);
            }
        }
    }
}
