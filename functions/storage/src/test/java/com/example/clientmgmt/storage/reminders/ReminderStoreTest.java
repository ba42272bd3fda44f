package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.StorageFixture;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.documents.DocumentStore;
import com.example.clientmgmt.storage.notifications.NotificationStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.document;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reminder sweep's storage against the emulator: the due index read page by page and shard by shard,
 * claims with their lease, completion by the claim holder only, and idempotent notifications.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ReminderStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();
    static final String ORG = "org-r";
    static final Caller OWNER = caller("owner", ORG);

    ReminderStore reminders() {
        return db.bean(ReminderStore.class);
    }

    Project newProject() {
        Project p = project(ORG, Map.of("owner", Permission.ADMIN));
        db.bean(ProjectStore.class).create(p);
        return p;
    }

    List<ReminderStore.DueReminder> allDue(Instant now, int pageSize) {
        List<ReminderStore.DueReminder> all = new ArrayList<>();
        reminders().due(now, pageSize).forEach(all::addAll);
        return all;
    }

    ReminderStore.DueReminder dueOf(AdminDocument d, Instant now) {
        return allDue(now, 100).stream().filter(x -> x.document().id().equals(d.id())).findFirst().orElseThrow();
    }

    @Test
    void onlyWhatIsDueIsReadAcrossShardsAndPages() {
        Project p = newProject();
        Set<String> due = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            AdminDocument d = document(p, LocalDate.of(2030, 1, 1 + i));
            db.bean(DocumentStore.class).declare(OWNER, db.declaration(d), "Projet", NOW);
            if (i < 6) {
                due.add(d.id());
            }
        }
        db.bean(DocumentStore.class).declare(OWNER, db.declaration(document(p, null)), "Projet", NOW);
        Instant now = Instant.parse("2030-01-06T12:00:00Z"); // 07:00 in Toronto on the 6th
        List<ReminderStore.DueReminder> found = allDue(now, 2);
        assertEquals(due, new HashSet<>(found.stream().map(r -> r.document().id()).toList()));
        assertEquals(6, found.size(), "each reminder once");
        List<String> operations = db.operationsOf(() -> allDue(now, 100));
        assertEquals(java.util.Collections.nCopies(DueShards.MAX, "Query"), operations,
                "one index query per shard any count may have used, never a scan");
    }

    /**
     * The shard count is a setting: reminders armed under another count (more shards, or one) stay where they were armed
     * and are all found, each once, by a sweep running with today's count.
     */
    @Test
    void aShardCountChangeLeavesNoArmedReminderUnread() {
        Project p = newProject();
        String table = db.bean(com.example.clientmgmt.platform.TableConfig.class).name();
        Instant dueAt = Instant.parse("2032-03-01T12:00:00Z");
        Set<String> armed = new HashSet<>();
        Set<String> shardsUsed = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            AdminDocument d = document(p, LocalDate.of(2032, 3, 1));
            DueShards then = new DueShards(i % 3 == 0 ? 1 : i % 3 == 1 ? DueShards.MAX : 7);
            Map<String, AttributeValue> index = then.armed(d.id(), dueAt, 1);
            shardsUsed.add(index.get(Keys.DUE_PK).s());
            db.aws.dynamoDb().putItem(b -> b.tableName(table).item(DocumentItem.newItem(d, p.name(), index)));
            armed.add(d.id());
        }
        assertTrue(shardsUsed.stream().anyMatch(s -> !new HashSet<>(List.of("DUE#0", "DUE#1", "DUE#2", "DUE#3")).contains(s)),
                "some were armed in shards today's count (4) does not use: " + shardsUsed);
        List<String> found = allDue(dueAt.plusSeconds(60), 5).stream().map(r -> r.document().id()).filter(armed::contains).toList();
        assertEquals(armed, new HashSet<>(found), "none left unread");
        assertEquals(armed.size(), found.size(), "each once");
        assertThrows(IllegalArgumentException.class, () -> new DueShards(0));
        assertThrows(IllegalArgumentException.class, () -> new DueShards(DueShards.MAX + 1));
    }

    @Test
    void aClaimHoldsUntilItsLeaseLapsesAndOnlyItsHolderCompletes() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2031, 5, 5));
        db.bean(DocumentStore.class).declare(OWNER, db.declaration(d), "Projet", NOW);
        Instant now = Instant.parse("2031-05-05T12:00:00Z");
        ReminderStore.DueReminder r = dueOf(d, now);
        LocalDate day = d.reminderDate();
        ReminderStore.Occurrence first = reminders().claim(r, d.reminder(), day, "run-1", now).orElseThrow();
        assertEquals(now, first.firstClaim());
        assertTrue(reminders().claim(r, d.reminder(), day, "run-2", now.plusSeconds(60)).isEmpty(), "a live claim is respected");
        Instant later = now.plus(ReminderStore.CLAIM_LEASE).plusSeconds(1);
        ReminderStore.Occurrence takenOver = reminders().claim(r, d.reminder(), day.plusDays(1), "run-2", later).orElseThrow();
        assertEquals(first, takenOver, "the first claim's time and day are kept on takeover: same notifications, same key");
        assertFalse(reminders().complete(first, "run-1", later, null), "the run that lost its claim cannot complete");
        assertTrue(reminders().complete(takenOver, "run-2", later, null));
        assertTrue(allDue(later, 100).stream().noneMatch(x -> x.document().id().equals(d.id())), "fired: out of the index");
        assertTrue(reminders().claim(r, d.reminder(), day, "run-3", later).isEmpty());
    }

    @Test
    void aRepeatingReminderMovesToItsNextOccurrenceWhichIsClaimedAnew() {
        Project p = newProject();
        Reminder weekly = new Reminder(LocalDate.of(2031, 8, 8), null, 7, 7);
        AdminDocument d = document(p, null).withDetails("Assurance", DocumentKind.INSURANCE, null, weekly);
        db.bean(DocumentStore.class).declare(OWNER, db.declaration(d), "Projet", NOW);
        Instant now = Instant.parse("2031-08-01T12:00:00Z");
        ReminderStore.DueReminder r = dueOf(d, now);
        assertEquals("2031-08-01T11:00:00Z", r.dueAt(), "07:00 EDT, 7 days before");
        ReminderStore.Occurrence first = reminders().claim(r, weekly, LocalDate.of(2031, 8, 1), "run-1", now).orElseThrow();
        Instant next = Instant.parse("2031-08-08T11:00:00Z");
        assertTrue(reminders().complete(first, "run-1", now, next));
        assertTrue(allDue(now, 100).stream().noneMatch(x -> x.document().id().equals(d.id())), "not due again before its next day");
        ReminderStore.DueReminder again = dueOf(d, next);
        assertEquals(next.toString(), again.dueAt());
        assertTrue(reminders().claim(r, weekly, LocalDate.of(2031, 8, 1), "run-2", next).isEmpty(), "the fired occurrence is gone");
        ReminderStore.Occurrence second = reminders().claim(again, weekly, LocalDate.of(2031, 8, 8), "run-2", next).orElseThrow();
        assertEquals(next, second.firstClaim(), "a new occurrence, a new first claim: new notifications");
        assertFalse(first.idempotencyKey().equals(second.idempotencyKey()));
        Map<String, AttributeValue> raw = db.rawItem(DocumentItem.key(ORG, p.id(), d.id()));
        assertEquals("2031-08-01", raw.get("firedFor").s(), "the last fired occurrence");
    }

    @Test
    void aReArmedReminderCannotBeClaimedOrCompletedWithItsOldArming() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2031, 6, 6));
        db.bean(DocumentStore.class).declare(OWNER, db.declaration(d), "Projet", NOW);
        Instant now = Instant.parse("2031-06-06T12:00:00Z");
        ReminderStore.DueReminder old = dueOf(d, now);
        ReminderStore.Occurrence claimed = reminders().claim(old, d.reminder(), d.reminderDate(), "run-1", now).orElseThrow();
        db.bean(DocumentStore.class).edit(OWNER, db.edit(d, 1, d.withDetails(d.title(), d.kind(), d.expiresOn(),
                Reminder.once(LocalDate.of(2031, 6, 5), d.reminderNote()))), NOW);
        assertFalse(reminders().complete(claimed, "run-1", now, null));
        assertTrue(reminders().claim(old, d.reminder(), d.reminderDate(), "run-2", now).isEmpty());
    }

    @Test
    void aReminderNotificationWrittenTwiceIsOneAndKeepsItsReadMark() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2031, 7, 7));
        ReminderStore.DueReminder r = new ReminderStore.DueReminder(d, 1, "2031-07-07T11:00:00Z");
        NotificationStore notifications = db.bean(NotificationStore.class);
        Instant first = Instant.parse("2031-07-07T11:05:00Z");
        ReminderStore.Occurrence o = new ReminderStore.Occurrence(r, d.reminder(), d.reminderDate(), first);
        NotificationStore.Context context = new NotificationStore.Context("Construction Tremblay", "Projet");
        notifications.recordReminder(o, context, "owner");
        Page<Notification> page = notifications.page(OWNER, null, 10, false);
        assertEquals(1, page.items().size());
        Notification n = page.items().get(0);
        assertEquals(d.title(), n.title());
        assertEquals("Construction Tremblay", n.organizationName());
        assertEquals(DocumentKind.INSURANCE, n.kind());
        assertEquals(d.reminderDate(), n.occurrence());
        assertFalse(n.read());
        assertEquals(1, unread(notifications, OWNER), "a new notification is in its recipient's unread list");
        assertTrue(notifications.markRead(OWNER, n.id()));
        notifications.recordReminder(o, context, "owner");
        Notification read = new Notification(n.id(), n.type(), n.organizationName(), n.projectId(), n.projectName(), n.documentId(),
                n.title(), n.kind(), n.reminderDate(), n.reminderNote(), n.occurrence(), n.createdAt(), true);
        assertEquals(List.of(read), notifications.page(OWNER, null, 10, false).items());
        assertEquals(0, unread(notifications, OWNER), "written again, it stays read: out of the unread list");
        assertFalse(notifications.markRead(caller("someone-else", ORG), n.id()), "only the recipient reaches it");
        assertFalse(notifications.markRead(OWNER, "../" + n.id()));
    }

    @Test
    void unreadNotificationsAreCountedListedPageByPageAndAllMarkedRead() {
        Caller reader = caller("reader", ORG);
        NotificationStore notifications = db.bean(NotificationStore.class);
        Project p = newProject();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AdminDocument d = document(p, LocalDate.of(2031, 9, 1 + i));
            Instant claimed = Instant.parse("2031-09-01T11:00:00Z").plusSeconds(i);
            ReminderStore.Occurrence o = new ReminderStore.Occurrence(new ReminderStore.DueReminder(d, 1, "x"), d.reminder(),
                    d.reminderDate(), claimed);
            notifications.recordReminder(o, new NotificationStore.Context("Org", "Projet"), reader.userId());
        }
        Page<Notification> all = notifications.page(reader, null, 10, false);
        all.items().forEach(n -> ids.add(n.id()));
        assertEquals(7, ids.size());
        notifications.markRead(reader, ids.get(0));
        notifications.markRead(reader, ids.get(3));
        assertEquals(5, unread(notifications, reader));
        List<String> unread = new ArrayList<>();
        String cursor = null;
        do {
            Page<Notification> page = notifications.page(reader, cursor, 2, true);
            page.items().forEach(n -> unread.add(n.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(4), ids.get(5), ids.get(6)), unread, "newest first, read ones skipped");
        assertEquals(5, unread.stream().filter(id -> notifications.markReadIfUnread(reader, id)).count());
        assertEquals(0, unread(notifications, reader));
        assertEquals(0, unread.stream().filter(id -> notifications.markReadIfUnread(reader, id)).count(), "marked once only");
        assertTrue(notifications.page(reader, null, 10, true).items().isEmpty());
        assertTrue(notifications.markRead(reader, unread.get(0)), "marking one read again is fine");
    }

    /** How many notifications are in the caller's unread list (index Lookup). */
    static int unread(NotificationStore notifications, Caller caller) {
        return notifications.page(caller, null, 100, true).items().size();
    }
}
