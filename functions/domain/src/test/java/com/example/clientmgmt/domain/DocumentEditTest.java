package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing a document, decided as a value (no storage): which history entries it writes, when its reminder is
 * re-armed (and for when), and how it moves in the expiring list. DocumentStoreTest writes such values.
 */
class DocumentEditTest {
    static final ReminderSchedule TORONTO = new ReminderSchedule(ZoneId.of("America/Toronto"));
    static final Instant T = Instant.parse("2026-11-27T15:00:00Z");
    static final LocalDate EXPIRES = LocalDate.of(2027, 4, 1);

    static AdminDocument insurance(LocalDate expiresOn, Reminder reminder) {
        return new AdminDocument("o", "P", "D", "Assurance", DocumentKind.INSURANCE, expiresOn, reminder, null, T, "u", List.of());
    }

    static List<String> fields(DocumentEdit edit) {
        return edit.history().stream().map(FieldChange::field).toList();
    }

    @Test
    void aRetitleWritesOneEntryAndLeavesTheReminderAndTheExpiringListAlone() {
        AdminDocument before = insurance(EXPIRES, null);
        DocumentEdit edit = DocumentEdit.of(TORONTO, before, 3, before.withDetails("Assurance 2027", before.kind(), EXPIRES, null));
        assertEquals(List.of(new FieldChange("adminDocuments.D.title", "Assurance", "Assurance 2027")), edit.history());
        assertEquals(Optional.empty(), edit.rearm());
        assertEquals(DocumentEdit.Expiring.UNCHANGED, edit.expiring());
        assertEquals(3, edit.readVersion(), "written only if still at the version read");
    }

    @Test
    void aNoteAloneChangesNothingOfWhenItFiresAnotherDateReArmsItAtItsFirstOccurrence() {
        Reminder own = new Reminder(LocalDate.of(2027, 2, 15), "courtier", 14, 7);
        AdminDocument before = insurance(EXPIRES, own);
        DocumentEdit note = DocumentEdit.of(TORONTO, before, 1, before.withDetails(before.title(), before.kind(), EXPIRES,
                new Reminder(own.date(), "appeler", 14, 7)));
        assertEquals(List.of("adminDocuments.D.reminderNote"), fields(note));
        assertEquals(Optional.empty(), note.rearm());

        AdminDocument later = before.withDetails(before.title(), before.kind(), EXPIRES, new Reminder(LocalDate.of(2027, 3, 1), "courtier", 14, 7));
        DocumentEdit moved = DocumentEdit.of(TORONTO, before, 1, later);
        assertEquals(List.of("adminDocuments.D.reminderDate"), fields(moved));
        assertEquals(Optional.of(new DocumentEdit.Rearm(Optional.of(Instant.parse("2027-02-15T12:00:00Z")))), moved.rearm(),
                "14 days before March 1st, at 07:00 in Toronto (EST)");
    }

    @Test
    void aDefaultReminderFollowsTheExpiryDateWhichAlsoMovesOrLeavesTheExpiringList() {
        AdminDocument before = insurance(EXPIRES, null);
        DocumentEdit moved = DocumentEdit.of(TORONTO, before, 1, before.withDetails(before.title(), before.kind(), LocalDate.of(2027, 5, 1), null));
        assertEquals(List.of("adminDocuments.D.expiresOn"), fields(moved));
        assertEquals(DocumentEdit.Expiring.MOVED, moved.expiring());
        assertEquals(Optional.of(Instant.parse("2027-04-01T11:00:00Z")), moved.rearm().orElseThrow().firstDue(),
                "the default reminder: 30 days before, at 07:00 (EDT)");

        DocumentEdit cleared = DocumentEdit.of(TORONTO, before, 1, before.withDetails(before.title(), before.kind(), null, null));
        assertEquals(DocumentEdit.Expiring.REMOVED, cleared.expiring());
        assertEquals(Optional.of(new DocumentEdit.Rearm(Optional.empty())), cleared.rearm(), "no expiry, no default reminder: disarmed");
    }

    @Test
    void anotherKindWithoutADefaultReminderDisarmsItAnOwnReminderDoesNotCareForTheKind() {
        AdminDocument before = insurance(EXPIRES, null);
        DocumentEdit other = DocumentEdit.of(TORONTO, before, 1, before.withDetails(before.title(), DocumentKind.OTHER, EXPIRES, null));
        assertEquals(List.of("adminDocuments.D.kind"), fields(other));
        assertEquals(Optional.of(new DocumentEdit.Rearm(Optional.empty())), other.rearm());
        assertEquals(DocumentEdit.Expiring.UNCHANGED, other.expiring());

        AdminDocument own = insurance(EXPIRES, Reminder.once(LocalDate.of(2027, 3, 1), null));
        assertEquals(Optional.empty(), DocumentEdit.of(TORONTO, own, 1, own.withDetails(own.title(), DocumentKind.OTHER, EXPIRES, own.reminder())).rearm());
    }

    @Test
    void aResolvedReminderGivenANewScheduleIsActiveAgainAndTheHistorySaysSo() {
        AdminDocument resolved = insurance(EXPIRES, Reminder.once(LocalDate.of(2027, 3, 1), null)).resolved(Reminder.Resolution.RESOLVED);
        DocumentEdit edit = DocumentEdit.of(TORONTO, resolved, 2, resolved.withDetails(resolved.title(), resolved.kind(), EXPIRES,
                Reminder.once(LocalDate.of(2027, 3, 8), null)));
        assertEquals(List.of(new FieldChange("adminDocuments.D.reminderDate", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 8)),
                new FieldChange("adminDocuments.D.reminder", "RESOLVED", "ACTIVE")), edit.history());
        assertTrue(edit.rearm().orElseThrow().firstDue().isPresent());

        DocumentEdit retitled = DocumentEdit.of(TORONTO, resolved, 2, resolved.withDetails("x", resolved.kind(), EXPIRES, resolved.reminder()));
        assertEquals(List.of("adminDocuments.D.title"), fields(retitled), "still resolved: no re-arming");
        assertEquals(Optional.empty(), retitled.rearm());
    }

    @Test
    void leadRepeatAndContactsReadInTheHistoryAsTheUserSetThem() {
        AdminDocument before = insurance(EXPIRES, Reminder.once(LocalDate.of(2027, 3, 1), null));
        AdminDocument after = before.withDetails(before.title(), before.kind(), EXPIRES, new Reminder(LocalDate.of(2027, 3, 1), null, 10, 5,
                EnumSet.of(ContactRole.EXECUTION, ContactRole.BILLING)));
        assertEquals(List.of(new FieldChange("adminDocuments.D.leadDays", null, 10),
                new FieldChange("adminDocuments.D.repeatEveryDays", null, 5),
                new FieldChange("adminDocuments.D.alsoNotifyContacts", null, "billing,execution")), DocumentEdit.of(TORONTO, before, 1, after).history(),
                "a lead of 0 reads as none; contacts in their roles' order");
    }
}
