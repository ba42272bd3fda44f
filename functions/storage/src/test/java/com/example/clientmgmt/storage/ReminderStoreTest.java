package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reminder sweep's storage against the emulator: the due index read page by page and shard by shard,
 * claims with their lease, completion by the claim holder only, and idempotent notifications.
 */
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
            db.bean(DocumentStore.class).declare(OWNER, d, "Projet", NOW);
            if (i < 6) {
                due.add(d.id());
            }
        }
        db.bean(DocumentStore.class).declare(OWNER, document(p, null), "Projet", NOW);
        Instant now = Instant.parse("2030-01-06T12:00:00Z"); // 07:00 in Toronto on the 6th
        List<ReminderStore.DueReminder> found = allDue(now, 2);
        assertEquals(due, new HashSet<>(found.stream().map(r -> r.document().id()).toList()));
        assertEquals(6, found.size(), "each reminder once");
        List<String> operations = db.operationsOf(() -> allDue(now, 100));
        assertEquals(List.of("Query", "Query", "Query", "Query"), operations, "one index query per shard, never a scan");
    }

    @Test
    void aClaimHoldsUntilItsLeaseLapsesAndOnlyItsHolderCompletes() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2031, 5, 5));
        db.bean(DocumentStore.class).declare(OWNER, d, "Projet", NOW);
        Instant now = Instant.parse("2031-05-05T12:00:00Z");
        ReminderStore.DueReminder r = dueOf(d, now);
        Instant first = reminders().claim(r, "run-1", now).orElseThrow();
        assertEquals(now, first);
        assertTrue(reminders().claim(r, "run-2", now.plusSeconds(60)).isEmpty(), "a live claim is respected");
        Instant later = now.plus(ReminderStore.CLAIM_LEASE).plusSeconds(1);
        assertEquals(first, reminders().claim(r, "run-2", later).orElseThrow(), "the first claim's time is kept on takeover");
        assertFalse(reminders().complete(r, "run-1", later), "the run that lost its claim cannot complete");
        assertTrue(reminders().complete(r, "run-2", later));
        assertTrue(allDue(later, 100).stream().noneMatch(x -> x.document().id().equals(d.id())), "fired: out of the index");
        assertTrue(reminders().claim(r, "run-3", later).isEmpty());
    }

    @Test
    void aReArmedReminderCannotBeClaimedOrCompletedWithItsOldArming() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2031, 6, 6));
        db.bean(DocumentStore.class).declare(OWNER, d, "Projet", NOW);
        Instant now = Instant.parse("2031-06-06T12:00:00Z");
        ReminderStore.DueReminder old = dueOf(d, now);
        reminders().claim(old, "run-1", now).orElseThrow();
        db.bean(DocumentStore.class).edit(OWNER, d, 1, d.withDetails(d.title(), d.kind(), d.expiresOn(), LocalDate.of(2031, 6, 5), d.reminderNote()), NOW);
        assertFalse(reminders().complete(old, "run-1", now));
        assertTrue(reminders().claim(old, "run-2", now).isEmpty());
    }

    @Test
    void aReminderNotificationWrittenTwiceIsOneAndKeepsItsReadMark() {
        Project p = newProject();
        AdminDocument d = document(p, LocalDate.of(2031, 7, 7));
        ReminderStore.DueReminder r = new ReminderStore.DueReminder(d, 1, "2031-07-07T11:00:00Z");
        NotificationStore notifications = db.bean(NotificationStore.class);
        Instant first = Instant.parse("2031-07-07T11:05:00Z");
        notifications.recordReminder(r, first, "Projet", "owner");
        Page<Notification> page = notifications.page(OWNER, null, 10);
        assertEquals(1, page.items().size());
        Notification n = page.items().get(0);
        assertEquals(d.title(), n.title());
        assertFalse(n.read());
        assertTrue(notifications.markRead(OWNER, n.id()));
        notifications.recordReminder(r, first, "Projet", "owner");
        Notification read = new Notification(n.id(), n.type(), n.projectId(), n.projectName(), n.documentId(), n.title(),
                n.reminderDate(), n.reminderNote(), n.createdAt(), true);
        assertEquals(List.of(read), notifications.page(OWNER, null, 10).items());
        assertFalse(notifications.markRead(caller("someone-else", ORG), n.id()), "only the recipient reaches it");
        assertFalse(notifications.markRead(OWNER, "../" + n.id()));
    }
}
