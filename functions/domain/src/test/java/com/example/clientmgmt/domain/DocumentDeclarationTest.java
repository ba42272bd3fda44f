package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Declaring a document, decided as a value: its reminder's first arming and its history entry. */
class DocumentDeclarationTest {
    static final FileVersion PENDING = new FileVersion("V1", "police.pdf", "application/pdf", 10, FileVersion.Status.PENDING_UPLOAD,
            null, null, null, null, DocumentEditTest.T, "u", null, DocumentEditTest.T.plusSeconds(1500));

    static AdminDocument document(DocumentKind kind, LocalDate expiresOn, Reminder reminder) {
        return new AdminDocument("o", "P", "D", "Police", kind, expiresOn, reminder, null, DocumentEditTest.T, "u", List.of(PENDING));
    }

    @Test
    void aDocumentIsArmedAtItsReminderOrItsDefaultOneAndNotWithoutEither() {
        assertEquals(Optional.of(Instant.parse("2027-03-01T12:00:00Z")), DocumentDeclaration.of(DocumentEditTest.TORONTO,
                document(DocumentKind.CONTRACT, null, Reminder.once(LocalDate.of(2027, 3, 1), null))).firstDue());
        assertEquals(Optional.of(Instant.parse("2027-03-02T12:00:00Z")), DocumentDeclaration.of(DocumentEditTest.TORONTO,
                document(DocumentKind.INSURANCE, LocalDate.of(2027, 4, 1), null)).firstDue(), "30 days before it expires");
        assertEquals(Optional.empty(), DocumentDeclaration.of(DocumentEditTest.TORONTO, document(DocumentKind.CONTRACT, LocalDate.of(2027, 4, 1), null)).firstDue(),
                "a contract that expires gets no default reminder");
    }

    @Test
    void itsHistoryEntrySaysWhatCameTitleKindAndFile() {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("title", "Police");
        summary.put("kind", "INSURANCE");
        summary.put("fileName", "police.pdf");
        assertEquals(new FieldChange("adminDocuments.D", null, summary),
                DocumentDeclaration.of(DocumentEditTest.TORONTO, document(DocumentKind.INSURANCE, null, null)).historyLine());
    }
}
