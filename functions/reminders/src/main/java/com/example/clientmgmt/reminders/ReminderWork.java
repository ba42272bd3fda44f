package com.example.clientmgmt.reminders;

import com.example.clientmgmt.storage.reminders.ReminderStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One work item, the body of one message of the reminder work queue: up to {@code reminders.work-item-size} due
 * reminders of one organization, named by their documents, or as many of its {@code projects} whose readiness summary is
 * due ({@link ReadinessSweep}), listed by tick {@code tickId} as of {@code asOf}. A worker reads each back and does what
 * is still due ({@link ReminderWorker}): the item is a hint, so handling it twice, late, or never (a later tick lists what
 * is still due again) fires no occurrence and gives no warning twice, and loses none.
 */
@Serdeable
public record ReminderWork(int v, String tickId, Instant asOf, String organizationId, List<Reminder> reminders,
                           @Nullable List<String> projects) {
    public static final int VERSION = 1;

    /** A due reminder: its document's project and id (of the item's organization). */
    @Serdeable
    public record Reminder(String projectId, String documentId) {}

    public ReminderWork {
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /** An item of due reminders only. */
    public ReminderWork(int v, String tickId, Instant asOf, String organizationId, List<Reminder> reminders) {
        this(v, tickId, asOf, organizationId, reminders, List.of());
    }

    /** The documents the worker reads back. */
    List<ReminderStore.DocumentRef> documents() {
        return reminders.stream().map(r -> new ReminderStore.DocumentRef(organizationId, r.projectId(), r.documentId())).toList();
    }
}
