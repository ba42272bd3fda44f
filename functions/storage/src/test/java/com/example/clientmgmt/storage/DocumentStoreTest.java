package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.UPLOAD_URL;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.document;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin documents against the emulator: declare, reads, guarded edits that re-arm reminders, upload results. */
class DocumentStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();
    static final String ORG = "org-doc";
    static final Caller OWNER = caller("owner", ORG);

    DocumentStore documents() {
        return db.bean(DocumentStore.class);
    }

    Project newProject() {
        Project p = project(ORG, Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        db.bean(ProjectStore.class).create(p);
        return p;
    }

    Map<String, AttributeValue> raw(AdminDocument d) {
        return db.rawItem(DocumentItem.key(d.orgId(), d.projectId(), d.id()));
    }

    @Test
    void aDeclaredDocumentIsPendingExpiresIfNeverUploadedAndHasItsReminderArmed() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2027, 3, 1));
        assertEquals(List.of("TransactWriteItems"), db.operationsOf(() -> documents().declare(OWNER, d, NOW, NOW.plus(UPLOAD_URL))));
        Map<String, AttributeValue> raw = raw(d);
        assertEquals(Long.toString(NOW.plus(DocumentStore.PENDING_LIFETIME).getEpochSecond()), raw.get("expiresAt").n());
        assertEquals("2027-03-01T12:00:00Z", raw.get("dueAt").s(), "07:00 in Toronto");
        DocumentStore.ProjectAndDocument loaded = documents().load(ORG, p.id(), d.id());
        assertEquals(d, loaded.document());
        assertEquals(1, loaded.version());
        assertEquals(List.of("BatchGetItem"), db.operationsOf(() -> documents().load(ORG, p.id(), d.id())));
        HistoryEntry entry = db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items().get(0);
        assertEquals(Map.of("title", "Assurance", "fileName", "assurance.pdf"), entry.to());
    }

    @Test
    void aPageListsDocumentsOldestFirstWithTheProject() {
        Project p = newProject();
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AdminDocument d = document(p, null);
            documents().declare(OWNER, d, NOW, NOW.plus(UPLOAD_URL));
            declared.add(d.id());
        }
        declared.sort(String::compareTo);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ProjectPage<AdminDocument> page = documents().page(ORG, p.id(), cursor, 2);
            assertEquals(p.id(), page.project().orElseThrow().id());
            page.page().items().forEach(d -> seen.add(d.id()));
            cursor = page.page().nextCursor();
        } while (cursor != null);
        assertEquals(declared, seen);
    }

    @Test
    void aNewReminderDateReArmsAndClearingItDisarms() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2027, 3, 1));
        documents().declare(OWNER, d, NOW, NOW.plus(UPLOAD_URL));
        db.aws.dynamoDb().updateItem(b -> b.tableName(db.table).key(DocumentItem.key(ORG, p.id(), d.id()))
                .updateExpression("SET claimedBy = :r, claimedAt = :t").expressionAttributeValues(Map.of(
                        ":r", AttributeValue.fromS("some-run"), ":t", AttributeValue.fromS(NOW.toString()))));
        AdminDocument moved = d.withDetails("Assurance 2027", LocalDate.of(2027, 4, 1), "Renouveler");
        documents().edit(OWNER, d, 1, moved, NOW.plusSeconds(1));
        Map<String, AttributeValue> raw = raw(d);
        assertEquals("2027-04-01T11:00:00Z", raw.get("dueAt").s(), "07:00 EDT");
        assertEquals("2", raw.get("armedVer").n());
        assertFalse(raw.containsKey("claimedBy"), "a sweep holding the old arming can no longer complete it");
        AdminDocument cleared = moved.withDetails(moved.title(), null, null);
        documents().edit(OWNER, moved, 2, cleared, NOW.plusSeconds(2));
        raw = raw(d);
        assertFalse(raw.containsKey("dueAt"));
        assertFalse(raw.containsKey("reminderNote"));
        assertEquals(cleared, documents().load(ORG, p.id(), d.id()).document());
        List<String> fields = db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items().stream()
                .map(HistoryEntry::field).toList();
        String f = "adminDocuments." + d.id();
        assertEquals(List.of(f + ".reminderDate", f + ".reminderNote", f + ".title", f + ".reminderDate", f), fields);
    }

    @Test
    void guardedWritesRefuseStaleVersionsOtherPeopleAndClosedProjects() {
        Project p = newProject();
        AdminDocument d = document(p, null);
        documents().declare(OWNER, d, NOW, NOW.plus(UPLOAD_URL));
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> documents().edit(OWNER, d, 7, d.withDetails("x", null, null), NOW));
        refused(ProblemCode.FORBIDDEN, null, () -> documents().edit(caller("lea", ORG), d, 1, d.withDetails("x", null, null), NOW));
        refused(ProblemCode.FORBIDDEN, null, () -> documents().declare(caller("lea", ORG), document(p, null), NOW, NOW.plus(UPLOAD_URL)));
        refused(ProblemCode.NOT_FOUND, null, () -> documents().declare(caller("owner", "org-other"), document(p, null), NOW, NOW.plus(UPLOAD_URL)));
        db.close(p, OWNER);
        refused(ProblemCode.PROJECT_CLOSED, null, () -> documents().delete(OWNER, d, NOW));
        refused(ProblemCode.PROJECT_CLOSED, null, () -> documents().declare(OWNER, document(p, null), NOW, NOW.plus(UPLOAD_URL)));
        assertEquals(d, documents().find(ORG, p.id(), d.id()).orElseThrow());
    }

    @Test
    void aDeletedDocumentIsGoneAndItsDeletionRecorded() {
        Project p = newProject();
        AdminDocument d = document(p, null);
        documents().declare(OWNER, d, NOW, NOW.plus(UPLOAD_URL));
        documents().delete(OWNER, d, NOW.plusSeconds(1));
        assertTrue(documents().find(ORG, p.id(), d.id()).isEmpty());
        assertNull(documents().load(ORG, p.id(), d.id()).document());
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> documents().delete(OWNER, d, NOW));
        assertNull(db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items().get(0).to());
    }

    @Test
    void uploadResultsAreWrittenOnlyWhilePending() {
        Project p = newProject();
        AdminDocument ok = document(p, LocalDate.of(2027, 3, 1));
        documents().declare(OWNER, ok, NOW, NOW.plus(UPLOAD_URL));
        assertTrue(documents().markAvailable(ok, 100, "etag", "v1", NOW));
        assertFalse(documents().markAvailable(ok, 100, "etag", "v2", NOW), "a repeated event changes nothing");
        assertFalse(documents().markRejected(ok, "SIZE_MISMATCH", NOW));
        AdminDocument available = documents().find(ORG, p.id(), ok.id()).orElseThrow();
        assertEquals(DocumentStatus.AVAILABLE, available.status());
        assertEquals("v1", available.versionId());
        assertFalse(raw(ok).containsKey("expiresAt"));
        assertTrue(raw(ok).containsKey("dueAt"), "an available document keeps its reminder");

        AdminDocument bad = document(p, LocalDate.of(2027, 3, 1));
        documents().declare(OWNER, bad, NOW, NOW.plus(UPLOAD_URL));
        assertTrue(documents().markRejected(bad, "SIZE_MISMATCH", NOW));
        Map<String, AttributeValue> raw = raw(bad);
        assertEquals("REJECTED", raw.get("status").s());
        assertFalse(raw.containsKey("dueAt"), "a rejected document's reminder is disarmed");
        assertNotEquals(null, raw.get("expiresAt"));
        assertFalse(raw.containsKey("lpk"), "a decided upload is no longer awaited");
        assertFalse(raw(ok).containsKey("lpk"));
    }

    @Test
    void pendingUploadsAreFoundOnceTheirUrlExpiredPageByPageUntilDecided() {
        Project p = newProject();
        Instant longAgo = NOW.minus(Duration.ofDays(30)); // older than any other test's declarations in this table
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AdminDocument d = document(p, null);
            documents().declare(OWNER, d, longAgo, longAgo.plus(UPLOAD_URL).plusSeconds(i));
            expired.add(d.id());
        }
        AdminDocument stillValid = document(p, null);
        documents().declare(OWNER, stillValid, longAgo.plus(UPLOAD_URL), longAgo.plus(UPLOAD_URL).plus(UPLOAD_URL));
        Instant checkAt = longAgo.plus(UPLOAD_URL).plusSeconds(10);

        List<List<String>> pages = new ArrayList<>();
        List<String> operations = db.operationsOf(() -> documents().awaitingUpload(checkAt, 2)
                .forEach(page -> pages.add(page.stream().map(AdminDocument::id).toList())));
        assertEquals(expired, pages.stream().flatMap(List::stream).toList(), "oldest URL first, the valid one not yet");
        assertTrue(pages.stream().allMatch(page -> page.size() <= 2));
        assertTrue(operations.stream().allMatch("Query"::equals), operations.toString());

        AdminDocument first = documents().find(ORG, p.id(), expired.get(0)).orElseThrow();
        AdminDocument second = documents().find(ORG, p.id(), expired.get(1)).orElseThrow();
        assertTrue(documents().markAvailable(first, 100, "etag", "v1", checkAt));
        assertTrue(documents().stopAwaitingUpload(second));
        assertEquals(DocumentStatus.PENDING_UPLOAD, documents().find(ORG, p.id(), second.id()).orElseThrow().status(),
                "no longer awaited, but still pending until it expires");
        assertTrue(raw(second).containsKey("expiresAt"));
        assertFalse(documents().stopAwaitingUpload(first), "only a pending document");
        List<String> left = new ArrayList<>();
        documents().awaitingUpload(checkAt, 10).forEach(page -> page.forEach(d -> left.add(d.id())));
        assertEquals(expired.subList(2, 5), left);
    }
}
