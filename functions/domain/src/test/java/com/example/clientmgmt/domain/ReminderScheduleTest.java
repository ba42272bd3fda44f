package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When reminders are due: 07:00 local time across daylight-saving changes, lead, repeat, window, catch-up, defaults. */
class ReminderScheduleTest {
    static final ReminderSchedule TORONTO = new ReminderSchedule(ZoneId.of("America/Toronto"));
    static final ReminderSchedule PARIS = TORONTO.in(ZoneId.of("Europe/Paris"));

    @Test
    void dueAtSevenInTheMorningLocalTime() {
        Reminder once = Reminder.once(LocalDate.of(2026, 12, 1), null);
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), TORONTO.dueAt(once.date()), "EST is UTC-5");
        assertEquals(Optional.empty(), TORONTO.latestDue(once, Instant.parse("2026-12-01T11:59:59Z")), "not before 07:00");
        assertEquals(Optional.of(once.date()), TORONTO.latestDue(once, Instant.parse("2026-12-01T12:00:00Z")));
        assertEquals(Optional.of(once.date()), TORONTO.latestDue(once, Instant.parse("2026-12-05T03:00:00Z")), "missed runs catch up");
        assertEquals(Instant.parse("2026-07-01T11:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 7, 1)), "EDT is UTC-4");
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), PARIS.dueAt(LocalDate.of(2026, 12, 1)), "CET is UTC+1");
    }

    @Test
    void daylightSavingChangeDaysStillFireAtSevenLocalInBothZones() {
        // Toronto: clocks forward 2026-03-08, back 2026-11-01; Paris: forward 2026-03-29, back 2026-10-25
        assertEquals(Instant.parse("2026-03-07T12:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 3, 7)));
        assertEquals(Instant.parse("2026-03-08T11:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 3, 8)));
        assertEquals(Instant.parse("2026-10-31T11:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 10, 31)));
        assertEquals(Instant.parse("2026-11-01T12:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 11, 1)));
        assertEquals(Instant.parse("2026-03-28T06:00:00Z"), PARIS.dueAt(LocalDate.of(2026, 3, 28)));
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"), PARIS.dueAt(LocalDate.of(2026, 3, 29)));
        assertEquals(Instant.parse("2026-10-25T06:00:00Z"), PARIS.dueAt(LocalDate.of(2026, 10, 25)));

        // a weekly reminder crossing Toronto's spring change: each occurrence at 07:00 local, one hour apart in UTC
        Reminder weekly = new Reminder(LocalDate.of(2026, 3, 15), null, 14, 7);
        assertEquals(List.of(Instant.parse("2026-03-01T12:00:00Z"), Instant.parse("2026-03-08T11:00:00Z"),
                Instant.parse("2026-03-15T11:00:00Z")), dueInstants(TORONTO, weekly, 3));
        // the same moment is before 07:00 in Toronto, after it in Paris
        Instant moment = Instant.parse("2026-03-08T10:30:00Z");
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), TORONTO.latestDue(weekly, moment));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 8)), PARIS.latestDue(weekly, moment));
    }

    @Test
    void leadRepeatAndTheEndOfTheWindow() {
        Reminder r = new Reminder(LocalDate.of(2027, 3, 1), "Renouveler", 14, 10);
        assertEquals(LocalDate.of(2027, 2, 15), r.firstDay(), "14 days before");
        assertEquals(LocalDate.of(2027, 4, 30), r.lastDay(), "60 days after");
        List<LocalDate> days = new ArrayList<>();
        for (Optional<LocalDate> d = Optional.of(r.firstDay()); d.isPresent(); d = r.nextAfter(d.get())) {
            days.add(d.get());
        }
        assertEquals(List.of("2027-02-15", "2027-02-25", "2027-03-07", "2027-03-17", "2027-03-27", "2027-04-06",
                "2027-04-16", "2027-04-26"), days.stream().map(LocalDate::toString).toList(), "on the grid, until date + 60");
        assertEquals(Optional.empty(), Reminder.once(LocalDate.of(2027, 3, 1), null).nextAfter(LocalDate.of(2027, 3, 1)), "once");
        assertEquals(Optional.of(LocalDate.of(2027, 4, 26)), r.latestOnOrBefore(LocalDate.of(2028, 1, 1)),
                "long after the window: its last occurrence");
        Reminder lastOnTheBound = new Reminder(LocalDate.of(2027, 3, 1), null, 0, 30);
        assertEquals(Optional.of(LocalDate.of(2027, 4, 30)), lastOnTheBound.nextAfter(LocalDate.of(2027, 3, 31)), "date + 60 itself");
        assertEquals(Optional.empty(), lastOnTheBound.nextAfter(LocalDate.of(2027, 4, 30)));
        assertThrows(IllegalArgumentException.class, () -> new Reminder(r.date(), null, 91, null));
        assertThrows(IllegalArgumentException.class, () -> new Reminder(r.date(), null, -1, null));
        assertThrows(IllegalArgumentException.class, () -> new Reminder(r.date(), null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Reminder(r.date(), null, 0, 31));
    }

    @Test
    void catchingUpAfterAWeekWithoutRunsFiresOneOccurrenceTheLatest() {
        Reminder daily = new Reminder(LocalDate.of(2027, 3, 1), null, 14, 1);
        Instant aWeekLate = Instant.parse("2027-02-22T15:00:00Z"); // first was due 2027-02-15 07:00, none ran since
        assertEquals(Optional.of(LocalDate.of(2027, 2, 22)), TORONTO.latestDue(daily, aWeekLate));
        assertEquals(Optional.of(LocalDate.of(2027, 2, 23)), daily.nextAfter(LocalDate.of(2027, 2, 22)), "then the next one only");
        Instant earlyMorning = Instant.parse("2027-02-22T11:00:00Z"); // 06:00 in Toronto: today's is not due yet
        assertEquals(Optional.of(LocalDate.of(2027, 2, 21)), TORONTO.latestDue(daily, earlyMorning));
    }

    @Test
    void documentsThatExpireGetADefaultReminderThatFollowsTheirExpiryDate() {
        ReminderSchedule schedule = new ReminderSchedule(ZoneId.of("America/Toronto"), 30, 7);
        AdminDocument insurance = document(DocumentKind.INSURANCE, LocalDate.of(2027, 6, 30), null);
        assertEquals(Optional.of(new Reminder(LocalDate.of(2027, 6, 30), null, 30, 7)), schedule.effective(insurance));
        assertEquals(Optional.of(schedule.dueAt(LocalDate.of(2027, 5, 31))), schedule.firstDue(insurance));
        AdminDocument moved = insurance.withDetails("t", DocumentKind.INSURANCE, LocalDate.of(2027, 7, 31), null);
        assertEquals(LocalDate.of(2027, 7, 31), schedule.effective(moved).orElseThrow().date(), "moving expiresOn moves it");
        for (DocumentKind kind : DocumentKind.values()) { // the SPEC v3 kinds (attestations, licences, bonds) lapse too
            boolean lapses = kind != DocumentKind.CONTRACT && kind != DocumentKind.OTHER;
            assertEquals(lapses, schedule.isArmed(document(kind, LocalDate.of(2027, 6, 30), null)), kind.name());
        }
        assertFalse(schedule.isArmed(document(DocumentKind.CONTRACT, LocalDate.of(2027, 6, 30), null)), "contracts do not lapse");
        assertFalse(schedule.isArmed(document(DocumentKind.INSURANCE, null, null)), "no expiry date, no default");
        Reminder own = Reminder.once(LocalDate.of(2027, 1, 15), "Appeler le courtier");
        assertEquals(Optional.of(own), schedule.effective(document(DocumentKind.INSURANCE, LocalDate.of(2027, 6, 30), own)),
                "a reminder of its own wins");
    }

    @Test
    void resolvingStopsItAndAnotherScheduleReArmsIt() {
        Reminder own = new Reminder(LocalDate.of(2027, 1, 15), "n", 7, 7);
        AdminDocument doc = document(DocumentKind.CONTRACT, null, own);
        AdminDocument resolved = TORONTO.resolve(doc);
        assertEquals(Reminder.Resolution.RESOLVED, resolved.reminderResolution());
        assertFalse(TORONTO.isArmed(resolved));
        ProblemException twice = assertThrows(ProblemException.class, () -> TORONTO.resolve(resolved));
        assertEquals(ProblemCode.CONFLICT, twice.code());
        assertThrows(ProblemException.class, () -> TORONTO.resolve(document(DocumentKind.CONTRACT, null, null)), "nothing to resolve");
        assertEquals(Reminder.Resolution.RESOLVED, resolved.withDetails("renamed", DocumentKind.CONTRACT, null,
                new Reminder(own.date(), "another note", 7, 7)).reminderResolution(), "a new title or note does not re-arm it");
        assertNull(resolved.withDetails("t", DocumentKind.CONTRACT, null, new Reminder(own.date(), "n", 7, 14)).reminderResolution(),
                "another repeat re-arms it");
        AdminDocument insurance = TORONTO.resolve(document(DocumentKind.INSURANCE, LocalDate.of(2027, 6, 30), null));
        assertNull(insurance.withDetails("t", DocumentKind.INSURANCE, LocalDate.of(2028, 6, 30), null).reminderResolution(),
                "a new expiry date re-arms a default reminder");
    }

    @Test
    void closedProjectsHoldTheirRemindersAndWhatHappensToFilesDoesNotDisarmThem() {
        Project open = ProjectAccessTest.project(ProjectState.ACTIVE, Permission.ADMIN);
        Project closed = ProjectAccessTest.project(ProjectState.CLOSED, Permission.ADMIN);
        assertTrue(ReminderSchedule.mayFire(open));
        assertFalse(ReminderSchedule.mayFire(closed));
        assertFalse(ReminderSchedule.mayFire(null));
        FileVersion rejected = new FileVersion("V", "f.pdf", "application/pdf", 1, FileVersion.Status.REJECTED, 2L, null, null,
                "SIZE_MISMATCH", Instant.EPOCH, "u", null, null);
        AdminDocument doc = new AdminDocument("o", "P", "D", "t", DocumentKind.CONTRACT, null, Reminder.once(LocalDate.of(2026, 1, 1), null),
                null, Instant.EPOCH, "u", List.of(rejected));
        assertTrue(TORONTO.isArmed(doc), "a document whose versions were all rejected still needs renewing");
        assertFalse(TORONTO.isArmed(doc.withDetails("t", DocumentKind.CONTRACT, null, null)));
    }

    static AdminDocument document(DocumentKind kind, LocalDate expiresOn, Reminder reminder) {
        return new AdminDocument("o", "P", "D", "t", kind, expiresOn, reminder, null, Instant.EPOCH, "u", List.of());
    }

    private static List<Instant> dueInstants(ReminderSchedule schedule, Reminder r, int count) {
        List<Instant> out = new ArrayList<>();
        Optional<LocalDate> d = Optional.of(r.firstDay());
        while (d.isPresent() && out.size() < count) {
            out.add(schedule.dueAt(d.get()));
            d = r.nextAfter(d.get());
        }
        return out;
    }
}
