package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A document's small use cases, decided as values: resolving its reminder, adding a version, deleting it. */
class DocumentLifecycleTest {
    static final FileVersion PENDING = DocumentDeclarationTest.PENDING;

    static AdminDocument insurance(LocalDate expiresOn, Reminder.Resolution resolution, List<FileVersion> versions) {
        return new AdminDocument("o", "P", "D", "Police", DocumentKind.INSURANCE, expiresOn, null, resolution,
                Instant.EPOCH, "u", versions);
    }

    @Test
    void resolvingStopsAnArmedReminderHeldToTheVersionReadAndRecordsActiveToResolved() {
        DocumentResolution r = DocumentResolution.of(DocumentEditTest.TORONTO, insurance(LocalDate.of(2027, 4, 1), null, List.of(PENDING)), 7);
        assertEquals(Reminder.Resolution.RESOLVED, r.after().reminderResolution());
        assertEquals(7, r.readVersion());
        assertEquals(new FieldChange("adminDocuments.D.reminder", "ACTIVE", "RESOLVED"), r.historyLine());
    }

    @Test
    void thereIsNothingToResolveWithoutAReminderRunning() {
        for (AdminDocument d : List.of(insurance(null, null, List.of(PENDING)),
                insurance(LocalDate.of(2027, 4, 1), Reminder.Resolution.RESOLVED, List.of(PENDING)),
                insurance(LocalDate.of(2027, 4, 1), Reminder.Resolution.RENEWED, List.of(PENDING)))) {
            ProblemException refused = assertThrows(ProblemException.class, () -> DocumentResolution.of(DocumentEditTest.TORONTO, d, 1));
            assertEquals(ProblemCode.CONFLICT, refused.code());
            assertEquals("NO_ACTIVE_REMINDER", refused.messageKey());
        }
    }

    @Test
    void aVersionIsAddedUpToTheLimitAndItsWriteHoldsTheLimitToo() {
        List<FileVersion> versions = new ArrayList<>();
        for (int i = 0; i < AdminDocument.MAX_VERSIONS - 1; i++) {
            versions.add(PENDING);
        }
        FileVersion next = new FileVersion("V2", "police 2027.pdf", "application/pdf", 12345, FileVersion.Status.PENDING_UPLOAD,
                null, null, null, null, DocumentEditTest.T, "u", null, DocumentEditTest.T.plusSeconds(900));
        VersionAddition last = VersionAddition.of(insurance(null, null, versions), next);
        assertSame(next, last.version());
        assertEquals(AdminDocument.MAX_VERSIONS, last.versionsBelow(), "as stored, the document must still have room");
        assertEquals(new FieldChange("adminDocuments.D.versions.V2", null, Map.of("fileName", "police 2027.pdf", "sizeBytes", "12345")),
                last.historyLine());
        versions.add(PENDING);
        ProblemException full = assertThrows(ProblemException.class, () -> VersionAddition.of(insurance(null, null, versions), next));
        assertEquals(ProblemCode.CONFLICT, full.code());
        assertEquals("TOO_MANY_VERSIONS", full.messageKey());
        assertEquals(List.of(AdminDocument.MAX_VERSIONS), full.args());
    }

    @Test
    void deletingRecordsTheDocumentsSummaryGoingToNothing() {
        assertEquals(new FieldChange("adminDocuments.D", Map.of("title", "Police", "kind", "INSURANCE", "fileName", "police.pdf"), null),
                new DocumentDeletion(insurance(null, null, List.of(PENDING))).historyLine());
        assertEquals(new FieldChange("adminDocuments.D", Map.of("title", "Police", "kind", "INSURANCE"), null),
                new DocumentDeletion(insurance(null, null, List.of())).historyLine(), "no version: no file name");
    }

    @Test
    void aSettledVersionAndARenewalAreRecordedAndTheRenewalTellsWhatWasRenewed() {
        AdminDocument d = insurance(LocalDate.of(2027, 4, 1), null, List.of(PENDING));
        assertEquals(new FieldChange("adminDocuments.D.versions.V1.status", "PENDING_UPLOAD", "REJECTED"),
                UploadSettlement.statusLine(d, "V1", FileVersion.Status.REJECTED));
        UploadSettlement.Renewal renewal = new UploadSettlement.Renewal("Construction Démo", "Tour Sud", List.of("adam"),
                new Reminder(LocalDate.of(2027, 4, 1), "renouveler", 30, 7));
        assertEquals(new FieldChange("adminDocuments.D.reminder", "ACTIVE", "RENEWED"), renewal.historyLine(d));
        assertEquals(new Notification("N1", Notification.DOCUMENT_RENEWED, "Construction Démo", "P", "Tour Sud", "D", "Police",
                DocumentKind.INSURANCE, LocalDate.of(2027, 4, 1), "renouveler", null, DocumentEditTest.T, false),
                renewal.notification(d, "N1", DocumentEditTest.T));
    }
}
