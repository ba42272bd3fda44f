package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Declaring a document, decided as a value: the document (its first version awaiting its upload), when its
 * reminder is first due (its arming; empty: it has none) and its admin-history entry. Storage writes it in one
 * guarded transaction, the pending upload's entry with it.
 */
public record DocumentDeclaration(AdminDocument document, Optional<Instant> firstDue) {
    public static DocumentDeclaration of(ReminderSchedule schedule, AdminDocument document) {
        return new DocumentDeclaration(document, schedule.firstDue(document));
    }

    /** Its history entry: the document's field, from nothing to its {@link #summary}. */
    public FieldChange historyLine() {
        return new FieldChange(DocumentEdit.historyField(document), null, summary(document));
    }

    /** How a document reads in its project's history when it comes and goes: title, kind, file name. */
    public static Map<String, String> summary(AdminDocument document) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("title", document.title());
        summary.put("kind", document.kind().name());
        document.shown().ifPresent(v -> summary.put("fileName", v.fileName()));
        return summary;
    }
}
