package com.example.clientmgmt.mailer;

import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.RequirementAtRisk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words of reminder e-mails, in Canadian French and English: one for a project's ADMIN (with a link to
 * the project's documents and how to stop these e-mails) and one for a client contact, which carries only
 * the document's title, kind, date and note and the project's and organization's names; and the warning of a
 * requirement at risk, to a project's ADMIN (with a link to the project's bid readiness).
 */
final class MailTexts {
    record Mail(String subject, String text, String html) {}

    static final Map<String, String> KIND_FR = Map.ofEntries(Map.entry("CONTRACT", "contrat"), Map.entry("INSURANCE", "assurance"),
            Map.entry("BOND", "cautionnement"), Map.entry("LICENCE_PERMIT", "licence ou permis"),
            Map.entry("COMPLIANCE_CERTIFICATE", "attestation de conformité"), Map.entry("OTHER", "document"),
            Map.entry("REVENU_QUEBEC_ATTESTATION", "attestation de Revenu Québec"), Map.entry("AMP_AUTHORIZATION", "autorisation de l'AMP"),
            Map.entry("RBQ_LICENCE", "licence RBQ"), Map.entry("CNESST_CERTIFICATE", "attestation CNESST"),
            Map.entry("CCQ_STATEMENT", "lettre d'état de situation de la CCQ"), Map.entry("BID_BOND", "cautionnement de soumission"),
            Map.entry("PERFORMANCE_BOND", "cautionnement d'exécution"),
            Map.entry("LABOUR_MATERIALS_BOND", "cautionnement des obligations salariales, matériaux et services"));
    static final Map<String, String> KIND_EN = Map.ofEntries(Map.entry("CONTRACT", "contract"), Map.entry("INSURANCE", "insurance"),
            Map.entry("BOND", "bond"), Map.entry("LICENCE_PERMIT", "licence or permit"),
            Map.entry("COMPLIANCE_CERTIFICATE", "compliance certificate"), Map.entry("OTHER", "document"),
            Map.entry("REVENU_QUEBEC_ATTESTATION", "Revenu Québec attestation"), Map.entry("AMP_AUTHORIZATION", "AMP authorization"),
            Map.entry("RBQ_LICENCE", "RBQ licence"), Map.entry("CNESST_CERTIFICATE", "CNESST certificate"),
            Map.entry("CCQ_STATEMENT", "CCQ statement of status"), Map.entry("BID_BOND", "bid bond"),
            Map.entry("PERFORMANCE_BOND", "performance bond"), Map.entry("LABOUR_MATERIALS_BOND", "labour and materials payment bond"));
    private static final DateTimeFormatter DATE_FR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA);

    private MailTexts() {}

    static boolean french(String language) {
        return language == null || !language.startsWith("en");
    }

    /** To an ADMIN of the project: what is due, and where to act on it. */
    static Mail forAdmin(DocumentReminderDue d, String name, String language, String link) {
        boolean fr = french(language);
        String kind = (fr ? KIND_FR : KIND_EN).getOrDefault(d.kind(), d.kind());
        String subject = fr ? "Rappel : " + d.title() + " — " + d.projectName() : "Reminder: " + d.title() + " — " + d.projectName();
        String what = fr
                ? "Rappel pour le document « " + d.title() + " » (" + kind + ") du projet " + d.projectName() + " (" + d.organizationName() + ")."
                : "A reminder for the document \u201c" + d.title() + "\u201d (" + kind + ") of the project " + d.projectName()
                        + " (" + d.organizationName() + ").";
        String open = fr ? "Voir les documents du projet" : "Open the project's documents";
        String why = fr
                ? "Vous recevez ce courriel parce que vous êtes administrateur de ce projet. Pour ne plus recevoir les rappels par courriel, "
                        + "désactivez-les dans vos préférences ; vous les verrez toujours dans l'application."
                : "You get this e-mail because you administer this project. To stop reminder e-mails, turn them off in your "
                        + "preferences; you will still see reminders in the app.";
        return compose(fr, name, subject, what, reminderDate(d, fr), d.reminderNote(), new Footer(open, link, why));
    }

    /** To a client contact of the project: only what the document reminder is about, no internal data, no link. */
    static Mail forContact(DocumentReminderDue d, String name, String language) {
        boolean fr = french(language);
        String kind = (fr ? KIND_FR : KIND_EN).getOrDefault(d.kind(), d.kind());
        String subject = fr ? "Rappel de " + d.organizationName() + " : " + d.title() : "Reminder from " + d.organizationName() + ": " + d.title();
        String what = fr
                ? d.organizationName() + " vous rappelle l'échéance du document « " + d.title() + " » (" + kind + ") pour le projet "
                        + d.projectName() + "."
                : d.organizationName() + " reminds you of the document \u201c" + d.title() + "\u201d (" + kind + ") for the project "
                        + d.projectName() + ".";
        return compose(fr, name, subject, what, reminderDate(d, fr), d.reminderNote(), null);
    }

    private static String reminderDate(DocumentReminderDue d, boolean fr) {
        return (fr ? "Date : " : "Date: ") + date(d.reminderDate(), fr);
    }

    /** Why a requirement is not satisfied, in words. */
    private static final Map<String, String> STATUS_FR = Map.of("MISSING", "aucun document de ce type au dossier",
            "EXPIRES_BEFORE", "le document au dossier expire avant cette date",
            "PENDING_UPLOAD", "le fichier du document est encore en cours de téléversement",
            "ISSUED_TOO_LATE", "l'attestation au dossier a été délivrée après cette date");
    private static final Map<String, String> STATUS_EN = Map.of("MISSING", "no document of this kind on file",
            "EXPIRES_BEFORE", "the document on file expires before that date",
            "PENDING_UPLOAD", "the document's file is still uploading",
            "ISSUED_TOO_LATE", "the attestation on file was issued after that date");

    /** To an ADMIN of the project: a requirement not satisfied a few days before it is needed, and where to see the readiness. */
    static Mail forAtRisk(RequirementAtRisk r, String name, String language, String link) {
        boolean fr = french(language);
        String kind = (fr ? KIND_FR : KIND_EN).getOrDefault(r.kind(), r.kind());
        String label = r.label() == null ? kind : r.label() + " (" + kind + ")";
        String days = fr ? (r.daysLeft() <= 1 ? r.daysLeft() + " jour" : r.daysLeft() + " jours")
                : (r.daysLeft() == 1 ? "1 day" : r.daysLeft() + " days");
        String subject = fr ? "Exigence à risque : " + (r.label() == null ? kind : r.label()) + " — " + r.projectName()
                : "Requirement at risk: " + (r.label() == null ? kind : r.label()) + " — " + r.projectName();
        String reason = (fr ? STATUS_FR : STATUS_EN).getOrDefault(r.status(), r.status());
        String what = fr
                ? "L'exigence « " + label + " » du projet " + r.projectName() + " (" + r.organizationName() + ") n'est pas satisfaite, "
                        + days + " avant la date où elle est requise : " + reason + "."
                : "The requirement \u201c" + label + "\u201d of the project " + r.projectName() + " (" + r.organizationName()
                        + ") is not met " + days + " before it is needed: " + reason + ".";
        String when = (fr ? "Requise le : " : "Needed by: ") + date(r.date(), fr);
        String open = fr ? "Voir la préparation du projet" : "Open the project's bid readiness";
        String why = fr
                ? "Vous recevez ce courriel parce que vous êtes administrateur de ce projet. Pour ne plus recevoir les rappels par courriel, "
                        + "désactivez-les dans vos préférences ; vous les verrez toujours dans l'application."
                : "You get this e-mail because you administer this project. To stop reminder e-mails, turn them off in your "
                        + "preferences; you will still see reminders in the app.";
        return compose(fr, name, subject, what, when, null, new Footer(open, link, why));
    }

    /** Where to act and why this e-mail came (to an ADMIN only). */
    private record Footer(String linkLabel, String link, String why) {}

    /** The same message as plain text and HTML: greeting, what, date, note, and the footer when there is one. */
    private static Mail compose(boolean fr, String name, String subject, String what, String when, String reminderNote, Footer footer) {
        String hello = fr ? (name == null ? "Bonjour," : "Bonjour " + name + ",") : (name == null ? "Hello," : "Hello " + name + ",");
        String note = reminderNote == null ? null : (fr ? "Note : " : "Note: ") + reminderNote;
        StringBuilder text = new StringBuilder(hello).append("\n\n").append(what).append('\n').append(when).append('\n');
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(fr ? "fr-CA" : "en").append("\"><body>")
                .append("<p>").append(esc(hello)).append("</p><p>").append(esc(what)).append("<br>").append(esc(when));
        if (note != null) {
            text.append(note).append('\n');
            html.append("<br>").append(esc(note));
        }
        html.append("</p>");
        if (footer != null) {
            text.append('\n').append(footer.linkLabel()).append(fr ? " : " : ": ").append(footer.link()).append("\n\n-- \n")
                    .append(footer.why()).append('\n');
            html.append("<p><a href=\"").append(esc(footer.link())).append("\">").append(esc(footer.linkLabel())).append("</a></p>")
                    .append("<p style=\"color:#666;font-size:smaller\">").append(esc(footer.why())).append("</p>");
        }
        html.append("</body></html>");
        return new Mail(subject, text.toString(), html.toString());
    }

    private static String date(String iso, boolean fr) {
        try {
            return LocalDate.parse(iso).format(fr ? DATE_FR : DATE_EN);
        } catch (RuntimeException e) {
            return iso;
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
