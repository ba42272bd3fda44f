package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a document reminder is due: 07:00 in the organization's time zone on its reminder date. The sweep
 * fires every reminder due at or before its run, so a reminder fires on the first run at or after that
 * moment, and runs that were missed catch up.
 */
public record ReminderSchedule(ZoneId zone) {
    public static final LocalTime FIRES_AT = LocalTime.of(7, 0);

    /** The instant the reminder becomes due (on a DST change day, 07:00 local time still, whatever its offset). */
    public Instant dueAt(LocalDate reminderDate) {
        return reminderDate.atTime(FIRES_AT).atZone(zone).toInstant();
    }

    public boolean isDue(LocalDate reminderDate, Instant now) {
        return !dueAt(reminderDate).isAfter(now);
    }

    /**
     * Whether a document's reminder is armed: it has a date. What happens to its files does not disarm it
     * (a document whose versions were all rejected still needs renewing). Reminders of a closed project
     * stay armed, but {@link #mayFire} holds them until the project is reopened.
     */
    public static boolean isArmed(AdminDocument document) {
        return document.reminderDate() != null;
    }

    /** A due reminder fires unless its project is closed: then it waits for the reopening. */
    public static boolean mayFire(Project project) {
        return project != null && !project.state().isClosed();
    }
}
