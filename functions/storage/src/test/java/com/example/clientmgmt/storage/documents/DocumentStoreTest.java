package com.example.clientmgmt.storage.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentDeletion;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.domain.UploadSettlement;
import com.example.clientmgmt.domain.VersionAddition;
import com.example.clientmgmt.storage.StorageFixture;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectPage;
import com.example.clientmgmt.storage.project.ProjectStore;
import com.example.clientmgmt.storage.reminders.ExpiringDocuments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.UPLOAD_URL;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.document;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin documents against the emulator: declare, reads, guarded edits that re-arm reminders and move the
 * expiry, file versions and how they are settled, the pending uploads and the expiring list (index queries).
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class DocumentStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();
    static final String ORG = "org-doc";
    static final Caller OWNER = caller("owner", ORG);

    DocumentStore documents() {
        return db.bean(DocumentStore.class);
    }

    UploadSettlements settlements() {
        return db.bean(UploadSettlements.class);
    }

    Project newProject() {
        Project p = project(ORG, Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        db.bean(ProjectStore.class).create(p);
        return p;
    }

    Map<String, AttributeValue> raw(AdminDocument d) {
        return db.rawItem(DocumentItem.key(d.orgId(), d.projectId(), d.id()));
    }

    AdminDocument reload(AdminDocument d) {
        return documents().find(d.orgId(), d.projectId(), d.id()).orElseThrow();
    }

    static FileVersion newVersion(Instant at) {
        return FileVersion.declared(Ids.newId(at), "assurance 2027.pdf", "application/pdf", 200, at, "owner", at.plus(UPLOAD_URL));
    }

    List<UploadSettlements.PendingUpload> pending(Instant now) {
        List<UploadSettlements.PendingUpload> all = new ArrayList<>();
        settlements().pendingUploads(now, 100).forEach(all::addAll);
        return all;
    }

    @Test
    void aDeclaredDocumentHasItsFirstVersionPendingItsReminderArmedAndNoTimeToLive() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2027, 3, 1));
        assertEquals(List.of("TransactWriteItems"), db.operationsOf(() -> documents().declare(OWNER, db.declaration(d), p.name(), NOW)));
        Map<String, AttributeValue> raw = raw(d);
        assertFalse(raw.containsKey("expiresAt"), "nothing expires but a pending version's entry");
        assertEquals("2027-03-01T12:00:00Z", raw.get("dueAt").s(), "07:00 in Toronto");
        DocumentStore.ProjectAndDocument loaded = documents().load(ORG, p.id(), d.id());
        assertEquals(d, loaded.document());
        assertEquals(DocumentStatus.PENDING_UPLOAD, loaded.document().statusAt(NOW));
        assertEquals(1, loaded.version());
        assertEquals(List.of("BatchGetItem"), db.operationsOf(() -> documents().load(ORG, p.id(), d.id())));
        HistoryEntry entry = db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items().get(0);
        assertEquals(Map.of("title", "Assurance", "kind", "INSURANCE", "fileName", "assurance.pdf"), entry.to());
    }

    @Test
    void aPageListsDocumentsOldestFirstWithTheProjectAndCanKeepOneKind() {
        Project p = newProject();
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // declared newest first, each at its own instant: the page must put them back oldest first
            Instant at = NOW.plusSeconds(60 - 10L * i);
            AdminDocument base = document(p, null);
            AdminDocument d = new AdminDocument(base.orgId(), base.projectId(), Ids.newId(at), base.title(), base.kind(),
                    null, null, null, at, "owner", base.versions());
            documents().declare(OWNER, db.declaration(d), p.name(), at);
            documents().addVersion(OWNER, new VersionAddition(d, newVersion(at)), at); // versions' entries are not listed
            declared.add(0, d.id());
        }
        AdminDocument contract = document(p, null).withDetails("Contrat", DocumentKind.CONTRACT, null, null);
        documents().declare(OWNER, db.declaration(contract), p.name(), NOW);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ProjectPage<AdminDocument> page = documents().page(ORG, p.id(), DocumentKind.INSURANCE, cursor, 2);
            assertEquals(p.id(), page.project().orElseThrow().id());
            page.page().items().forEach(d -> seen.add(d.id()));
            cursor = page.page().nextCursor();
        } while (cursor != null);
        assertEquals(declared, seen);
        assertEquals(List.of(contract.id()), documents().page(ORG, p.id(), DocumentKind.CONTRACT, null, 25).page().items()
                .stream().map(AdminDocument::id).toList());
    }

    @Test
    void editsReArmTheReminderMoveTheExpiryAndRecordEachField() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2027, 3, 1));
        documents().declare(OWNER, db.declaration(d), p.name(), NOW);
        db.aws.dynamoDb().updateItem(b -> b.tableName(db.table).key(DocumentItem.key(ORG, p.id(), d.id()))
                .updateExpression("SET claimedBy = :r, claimedAt = :t").expressionAttributeValues(Map.of(
                        ":r", AttributeValue.fromS("some-run"), ":t", AttributeValue.fromS(NOW.toString()))));
        AdminDocument moved = d.withDetails("Assurance 2027", DocumentKind.BOND, LocalDate.of(2027, 5, 1), Reminder.once(LocalDate.of(2027, 4, 1), "Renouveler"));
        documents().edit(OWNER, db.edit(d, 1, moved), NOW.plusSeconds(1));
        Map<String, AttributeValue> raw = raw(d);
        assertEquals("2027-04-01T11:00:00Z", raw.get("dueAt").s(), "07:00 EDT");
        assertEquals("2", raw.get("armedVer").n());
        assertFalse(raw.containsKey("claimedBy"), "a sweep holding the old arming can no longer complete it");
        assertEquals("2027-05-01#" + p.id() + "#" + d.id(), raw.get("lsk").s());
        AdminDocument cleared = moved.withDetails(moved.title(), moved.kind(), null, null);
        documents().edit(OWNER, db.edit(moved, 2, cleared), NOW.plusSeconds(2));
        raw = raw(d);
        assertFalse(raw.containsKey("dueAt"));
        assertFalse(raw.containsKey("reminderNote"));
        assertFalse(raw.containsKey("lpk"), "no expiry: out of the expiring list");
        assertEquals(cleared, reload(d));
        List<String> fields = db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items().stream()
                .map(HistoryEntry::field).toList();
        String f = "adminDocuments." + d.id();
        assertEquals(List.of(f + ".expiresOn", f + ".reminderDate", f + ".reminderNote",
                f + ".title", f + ".kind", f + ".expiresOn", f + ".reminderDate", f), fields, "newest change first, its fields in order");
    }

    @Test
    void guardedWritesRefuseStaleVersionsOtherPeopleAndClosedProjects() {
        Project p = newProject();
        AdminDocument d = document(p, null);
        documents().declare(OWNER, db.declaration(d), p.name(), NOW);
        AdminDocument retitled = d.withDetails("x", d.kind(), null, null);
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> documents().edit(OWNER, db.edit(d, 7, retitled), NOW));
        refused(ProblemCode.FORBIDDEN, null, () -> documents().edit(caller("lea", ORG), db.edit(d, 1, retitled), NOW));
        refused(ProblemCode.FORBIDDEN, null, () -> documents().declare(caller("lea", ORG), db.declaration(document(p, null)), p.name(), NOW));
        refused(ProblemCode.FORBIDDEN, null, () -> documents().addVersion(caller("lea", ORG), new VersionAddition(d, newVersion(NOW)), NOW));
        refused(ProblemCode.NOT_FOUND, null, () -> documents().declare(caller("owner", "org-other"), db.declaration(document(p, null)), p.name(), NOW));
        db.close(p, OWNER);
        refused(ProblemCode.PROJECT_CLOSED, null, () -> documents().delete(OWNER, new DocumentDeletion(d), NOW));
        refused(ProblemCode.PROJECT_CLOSED, null, () -> documents().declare(OWNER, db.declaration(document(p, null)), p.name(), NOW));
        refused(ProblemCode.PROJECT_CLOSED, null, () -> documents().addVersion(OWNER, new VersionAddition(d, newVersion(NOW)), NOW));
        assertEquals(d, reload(d));
    }

    @Test
    void aDeletedDocumentIsGoneItsDeletionRecordedAndItsPendingUploadsLeftToTheReconciliation() {
        Project p = newProject();
        Instant longAgo = NOW.minus(Duration.ofDays(40)); // this test's pending entries only
        AdminDocument d = document(p, null);
        documents().declare(OWNER, db.declaration(d), p.name(), NOW);
        FileVersion second = FileVersion.declared(Ids.newId(NOW), "b.pdf", "application/pdf", 1, NOW, "owner", longAgo);
        documents().addVersion(OWNER, new VersionAddition(d, second), NOW);
        assertEquals(1, pending(longAgo).size());
        documents().delete(OWNER, new DocumentDeletion(reload(d)), NOW.plusSeconds(1));
        assertTrue(documents().find(ORG, p.id(), d.id()).isEmpty());
        assertNull(documents().load(ORG, p.id(), d.id()).document());
        assertEquals(1, pending(longAgo).size(), "its pending upload's entry stays: a late upload's object is found by it");
        pending(longAgo).forEach(settlements()::forget); // as the reconciliation does once it checked the object
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> documents().delete(OWNER, new DocumentDeletion(d), NOW));
        refused(ProblemCode.NOT_FOUND, null, () -> documents().addVersion(OWNER, new VersionAddition(d, newVersion(NOW)), NOW));
        assertNull(db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items().get(0).to());
    }

    @Test
    void aRenewalWithNewDatesLandsWithItsVersionOnlyOnTheDocumentAsRead() {
        Project p = newProject();
        AdminDocument d = document(p, null).withDetails("Assurance", DocumentKind.INSURANCE, LocalDate.of(2027, 3, 1), null);
        documents().declare(OWNER, db.declaration(d), p.name(), NOW);
        com.example.clientmgmt.domain.ReminderSchedule rules =
                db.bean(com.example.clientmgmt.domain.ReminderSchedule.class).of(StorageFixture.SETTINGS);
        com.example.clientmgmt.domain.DocumentDates later = new com.example.clientmgmt.domain.DocumentDates(null, LocalDate.of(2028, 3, 1));
        // read at version 1; a stale read (version 7) adds nothing: neither the version nor the dates
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> documents().addVersion(OWNER,
                VersionAddition.renewing(rules, d, 7, newVersion(NOW), later), NOW));
        assertEquals(1, reload(d).versions().size());
        assertEquals(LocalDate.of(2027, 3, 1), reload(d).expiresOn());

        VersionAddition renewal = VersionAddition.renewing(rules, d, 1, newVersion(NOW.plusSeconds(1)), later);
        documents().addVersion(OWNER, renewal, NOW.plusSeconds(1));
        AdminDocument stored = reload(d);
        assertEquals(2, stored.versions().size());
        assertEquals(LocalDate.of(2028, 3, 1), stored.expiresOn());
        assertEquals(renewal.after().versions().stream().map(FileVersion::id).toList(),
                stored.versions().stream().map(FileVersion::id).toList());
        assertTrue(raw(d).get("lsk").s().startsWith("2028-03-01#"), "moved in the expiring list");
    }

    @Test
    void aVersionIsSettledOnceWhilePendingAndTheDocumentKeepsItsReminderWhenRejected() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2027, 3, 1));
        documents().declare(OWNER, db.declaration(d), p.name(), NOW);
        String first = d.versions().get(0).id();
        // history is ordered by time, then by a random change id: settle after the declaration, not at the same instant
        assertTrue(settlements().markRejected(d, first, "SIZE_MISMATCH", NOW.plusSeconds(1)));
        assertFalse(settlements().markAvailable(d, first, 100, "etag", "v1", NOW.plusSeconds(2)), "a settled version changes no more");
        assertTrue(raw(d).containsKey("dueAt"), "a document whose versions were rejected keeps its reminder");
        assertEquals(DocumentStatus.REJECTED, reload(d).statusAt(NOW));
        assertFalse(raw(d).containsKey("expiresAt"), "a rejected version stays listed: no TTL");

        FileVersion renewal = newVersion(NOW.plusSeconds(5));
        documents().addVersion(OWNER, new VersionAddition(d, renewal), NOW.plusSeconds(5));
        assertEquals(DocumentStatus.PENDING_UPLOAD, reload(d).statusAt(NOW.plusSeconds(5)));
        assertEquals(UploadSettlements.Settled.PROJECT_CHANGED, settlements().markAvailable(d, renewal.id(), 200, "etag2", "v2",
                NOW.plusSeconds(6), UploadSettlement.Landing.CLOSED), "the project is open: a landing decided on a closed one writes nothing");
        assertEquals(DocumentStatus.PENDING_UPLOAD, reload(d).statusAt(NOW.plusSeconds(6)));
        assertTrue(settlements().markAvailable(d, renewal.id(), 200, "etag2", "v2", NOW.plusSeconds(6)));
        assertFalse(settlements().markAvailable(d, renewal.id(), 200, "etag2", "v3", NOW.plusSeconds(7)), "a repeated event");
        AdminDocument now = reload(d);
        assertEquals(DocumentStatus.AVAILABLE, now.statusAt(NOW));
        assertEquals(List.of(renewal.id(), first), now.versions().stream().map(FileVersion::id).toList(), "newest first");
        FileVersion available = now.current().orElseThrow();
        assertEquals("v2", available.objectVersion());
        assertEquals(200L, available.sizeBytes());
        List<HistoryEntry> history = db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items();
        assertEquals("adminDocuments." + d.id() + ".versions." + renewal.id() + ".status", history.get(0).field());
        assertEquals(UploadSettlements.UPLOAD_CHECK, history.get(0).by());
        assertEquals("AVAILABLE", history.get(0).to());
        assertEquals(Map.of("fileName", "assurance 2027.pdf", "sizeBytes", "200"), history.get(1).to(), "the version added");
        assertEquals("REJECTED", history.get(2).to());
    }

    @Test
    void pendingUploadsAreFoundOncePastTheirDeadlinePageByPageUntilSettled() {
        Project p = newProject();
        Instant longAgo = NOW.minus(Duration.ofDays(30)); // older than any other test's deadlines in this table
        List<String> expired = new ArrayList<>();
        List<AdminDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AdminDocument d = document(p, null);
            documents().declare(OWNER, db.declaration(d), p.name(), NOW);
            FileVersion v = FileVersion.declared(Ids.newId(NOW), "f.pdf", "application/pdf", 1, NOW, "owner", longAgo.plusSeconds(i));
            documents().addVersion(OWNER, new VersionAddition(d, v), NOW);
            expired.add(v.id());
            docs.add(reload(d));
        }
        AdminDocument stillValid = document(p, null);
        documents().declare(OWNER, db.declaration(stillValid), p.name(), NOW);
        documents().addVersion(OWNER, new VersionAddition(stillValid, FileVersion.declared(Ids.newId(NOW), "f.pdf", "application/pdf", 1, NOW, "owner",
                longAgo.plusSeconds(60))), NOW);
        Instant checkAt = longAgo.plusSeconds(10);

        List<List<String>> pages = new ArrayList<>();
        List<String> operations = db.operationsOf(() -> settlements().pendingUploads(checkAt, 2)
                .forEach(page -> pages.add(page.stream().map(UploadSettlements.PendingUpload::versionId).toList())));
        assertEquals(expired, pages.stream().flatMap(List::stream).toList(), "oldest deadline first, the later one not yet");
        assertTrue(pages.stream().allMatch(page -> page.size() <= 2));
        assertTrue(operations.stream().allMatch("Query"::equals), operations.toString());

        assertTrue(settlements().markAvailable(docs.get(0), expired.get(0), 1, "etag", "v1", checkAt));
        assertTrue(settlements().markExpired(docs.get(1), expired.get(1), checkAt));
        assertFalse(settlements().markExpired(docs.get(0), expired.get(0), checkAt), "only a pending version");
        assertEquals(FileVersion.Status.EXPIRED, reload(docs.get(1)).version(expired.get(1)).orElseThrow().status());
        assertEquals(DocumentStatus.PENDING_UPLOAD, reload(docs.get(1)).statusAt(NOW), "its first version is still awaited");
        assertTrue(reload(docs.get(1)).version(expired.get(1)).isPresent(), "an expired version is kept, never the document");
        List<String> left = pending(checkAt).stream().map(UploadSettlements.PendingUpload::versionId).toList();
        assertEquals(expired.subList(2, 5), left);
    }

    @Test
    void theExpiringListIsOneIndexQueryPerPageSoonestFirstFilteredToTheCallersProjects() {
        String org = "org-expiring";
        Caller owner = caller("owner", org);
        Project a = project(org, Map.of("owner", Permission.ADMIN));
        Project b = project(org, Map.of("owner", Permission.ADMIN));
        db.bean(ProjectStore.class).create(a);
        db.bean(ProjectStore.class).create(b);
        List<String> soonestFirst = new ArrayList<>();
        LocalDate[] dates = {LocalDate.of(2026, 1, 5), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20), LocalDate.of(2027, 2, 1)};
        for (int i = 0; i < dates.length; i++) {
            Project p = i % 2 == 0 ? a : b;
            AdminDocument d = document(p, null).withDetails("Cautionnement " + i, DocumentKind.BOND, dates[i], null);
            documents().declare(owner, db.declaration(d), p.name(), NOW);
            soonestFirst.add(d.id());
        }
        documents().declare(owner, db.declaration(document(a, null)), a.name(), NOW); // no expiry: not listed
        LocalDate before = LocalDate.of(2027, 1, 1);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String at = cursor;
            List<String> ops = new ArrayList<>();
            Page<ExpiringDocuments.Expiring>[] page = new Page[1];
            ops.addAll(db.operationsOf(() -> page[0] = db.bean(ExpiringDocuments.class).expiring(org, before, null, at, 2)));
            assertEquals(List.of("Query"), ops);
            page[0].items().forEach(e -> seen.add(e.document().id()));
            cursor = page[0].nextCursor();
        } while (cursor != null);
        assertEquals(soonestFirst.subList(0, 3), seen, "already expired first, then what lapses next; none after the bound");
        ExpiringDocuments.Expiring first = db.bean(ExpiringDocuments.class).expiring(org, before, Set.of(b.id()), null, 10).items().get(0);
        assertEquals(b.name(), first.projectName());
        assertEquals(soonestFirst.get(1), first.document().id(), "only the caller's projects");
        assertTrue(db.bean(ExpiringDocuments.class).expiring(org, before, Set.of(), null, 10).items().isEmpty());
        assertTrue(db.bean(ExpiringDocuments.class).expiring("org-other", before, null, null, 10).items().isEmpty(), "another organization's list");
        refused(ProblemCode.VALIDATION_FAILED, null, () -> db.bean(ExpiringDocuments.class).expiring(org, before, null, "bm90LWEtY3Vyc29y", 10));
    }
}
