package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's status comes from its versions, as of a moment: nothing but a pending version expires. */
class AdminDocumentTest {
    static final Instant T = Instant.parse("2026-11-27T15:00:00Z");
    static final Instant DEADLINE = T.plus(Duration.ofMinutes(25));

    static FileVersion version(String id, FileVersion.Status status) {
        return new FileVersion(id, id + ".pdf", "application/pdf", 10, status, status == FileVersion.Status.AVAILABLE ? 10L : null,
                null, null, status == FileVersion.Status.REJECTED ? "SIZE_MISMATCH" : null, T, "u", null,
                status == FileVersion.Status.PENDING_UPLOAD ? DEADLINE : null);
    }

    static AdminDocument document(FileVersion... newestFirst) {
        return new AdminDocument("o", "P", "D", "Assurance", DocumentKind.INSURANCE, null, null, null, T, "u", List.of(newestFirst));
    }

    @Test
    void anyAvailableVersionMakesTheDocumentAvailableAndIsWhatDownloadsServe() {
        AdminDocument d = document(version("V3", FileVersion.Status.PENDING_UPLOAD), version("V2", FileVersion.Status.AVAILABLE),
                version("V1", FileVersion.Status.AVAILABLE));
        assertEquals(DocumentStatus.AVAILABLE, d.statusAt(T));
        assertEquals("V2", d.current().orElseThrow().id(), "the newest available one");
        assertEquals("V2", d.shown().orElseThrow().id());
    }

    @Test
    void withoutAnAvailableVersionTheNewestLiveOneDecides() {
        assertEquals(DocumentStatus.PENDING_UPLOAD, document(version("V1", FileVersion.Status.PENDING_UPLOAD)).statusAt(T));
        assertEquals(DocumentStatus.REJECTED, document(version("V1", FileVersion.Status.REJECTED)).statusAt(T));
        assertEquals(DocumentStatus.PENDING_UPLOAD, document(version("V2", FileVersion.Status.PENDING_UPLOAD),
                version("V1", FileVersion.Status.REJECTED)).statusAt(T), "a retry after a rejection");
    }

    @Test
    void aPendingVersionPastItsDeadlineReadsAsExpiredWhateverTheStoreSays() {
        FileVersion pending = version("V1", FileVersion.Status.PENDING_UPLOAD);
        assertEquals(FileVersion.Status.PENDING_UPLOAD, pending.statusAt(DEADLINE.minusMillis(1)));
        assertEquals(FileVersion.Status.EXPIRED, pending.statusAt(DEADLINE));
        assertEquals(DocumentStatus.NO_FILE, document(pending).statusAt(DEADLINE), "its only version never came");
        assertEquals(DocumentStatus.REJECTED, document(pending, version("V0", FileVersion.Status.REJECTED)).statusAt(DEADLINE));
        assertEquals(DocumentStatus.NO_FILE, document().statusAt(T));
        assertTrue(document().shown().isEmpty());
    }

    @Test
    void aNewVersionIsTheNewestAndObjectKeysNameOnlyIds() {
        AdminDocument d = document(version("01ARZ3NDEKTSV4RRFFQ69G5FA1", FileVersion.Status.AVAILABLE))
                .withNewVersion(version("01ARZ3NDEKTSV4RRFFQ69G5FA2", FileVersion.Status.PENDING_UPLOAD));
        assertEquals("01ARZ3NDEKTSV4RRFFQ69G5FA2", d.versions().get(0).id());
        assertEquals("documents/o%2Fx/01ARZ3NDEKTSV4RRFFQ69G5FAV/01ARZ3NDEKTSV4RRFFQ69G5FAW/01ARZ3NDEKTSV4RRFFQ69G5FAX",
                DocumentKeys.objectKey("o/x", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAW", "01ARZ3NDEKTSV4RRFFQ69G5FAX"));
        DocumentKeys.Parsed parsed = DocumentKeys.parse(DocumentKeys.objectKey("o/x", "01ARZ3NDEKTSV4RRFFQ69G5FAV",
                "01ARZ3NDEKTSV4RRFFQ69G5FAW", "01ARZ3NDEKTSV4RRFFQ69G5FAX")).orElseThrow();
        assertEquals(new DocumentKeys.Parsed("o/x", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAW", "01ARZ3NDEKTSV4RRFFQ69G5FAX"), parsed);
        assertTrue(DocumentKeys.parse("documents/o/01ARZ3NDEKTSV4RRFFQ69G5FAV/01ARZ3NDEKTSV4RRFFQ69G5FAW").isEmpty(),
                "a key without a version is not ours");
    }
}
