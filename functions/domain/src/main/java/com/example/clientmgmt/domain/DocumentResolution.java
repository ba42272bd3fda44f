package com.example.clientmgmt.domain;

/**
 * An ADMIN stopping a document's reminder ("done"), decided as a value: the document with its reminder resolved,
 * written only if the document is still at {@code readVersion}, and its history entry (the reminder from ACTIVE to
 * RESOLVED). Refused (409 NO_ACTIVE_REMINDER) when the document has no reminder running. A later change of its
 * schedule re-arms it ({@link DocumentEdit}).
 */
public record DocumentResolution(AdminDocument after, long readVersion) {
    public static DocumentResolution of(ReminderSchedule schedule, AdminDocument before, long readVersion) {
        return new DocumentResolution(schedule.resolve(before), readVersion);
    }

    public FieldChange historyLine() {
        return DocumentEdit.reminderStopped(after, Reminder.Resolution.RESOLVED);
    }
}
