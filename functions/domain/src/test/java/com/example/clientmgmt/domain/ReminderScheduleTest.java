package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Due logic of reminders around 07:00 local time and across daylight-saving changes. */
class ReminderScheduleTest {
    static final ReminderSchedule TORONTO = new ReminderSchedule(ZoneId.of("America/Toronto"));

    @Test
    void dueAtSevenInTheMorningLocalTime() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), TORONTO.dueAt(date), "EST is UTC-5");
        assertFalse(TORONTO.isDue(date, Instant.parse("2026-12-01T11:59:59Z")));
        assertTrue(TORONTO.isDue(date, Instant.parse("2026-12-01T12:00:00Z")));
        assertTrue(TORONTO.isDue(date, Instant.parse("2026-12-05T03:00:00Z")), "missed runs catch up");
        assertEquals(Instant.parse("2026-07-01T11:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 7, 1)), "EDT is UTC-4");
    }

    @Test
    void daylightSavingChangeDaysStillFireAtSevenLocal() {
        // 2026-03-08: clocks go forward at 02:00; 2026-11-01: back at 02:00
        assertEquals(Instant.parse("2026-03-08T11:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 3, 8)));
        assertEquals(Instant.parse("2026-03-07T12:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 3, 7)));
        assertEquals(Instant.parse("2026-11-01T12:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 11, 1)));
        assertEquals(Instant.parse("2026-10-31T11:00:00Z"), TORONTO.dueAt(LocalDate.of(2026, 10, 31)));
    }

    @Test
    void anotherZoneIsConfigurable() {
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), new ReminderSchedule(ZoneId.of("Europe/Paris")).dueAt(LocalDate.of(2026, 12, 1)));
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
        AdminDocument doc = new AdminDocument("o", "P", "D", "t", DocumentKind.INSURANCE, null, LocalDate.of(2026, 1, 1), null,
                Instant.EPOCH, "u", List.of(rejected));
        assertTrue(ReminderSchedule.isArmed(doc), "a document whose versions were all rejected still needs renewing");
        assertFalse(ReminderSchedule.isArmed(doc.withDetails("t", DocumentKind.INSURANCE, null, null, null)));
    }
}
