package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Editing a document's details (title, kind, expiry date, reminder), decided here as a value; storage writes it in
 * one conditional write and decides nothing. What an edit must do:
 * <ul>
 *   <li>{@code after}: the document's new details, written only if it is still at {@code readVersion};</li>
 *   <li>{@code history}: one entry per changed field, and one when a resolved reminder becomes ACTIVE again;</li>
 *   <li>{@code rearm}: another reminder schedule — or, for a default reminder, another expiry date or kind, which
 *       are what it follows — arms the reminder anew at its first occurrence (or disarms it when there is none):
 *       a sweep holding the old arming can no longer complete it, and a resolution is cleared. No change of
 *       schedule, no re-arming: a note alone changes nothing of when it fires;</li>
 *   <li>{@code expiring}: a new expiry date moves the document in the expiring list; none takes it out.</li>
 * </ul>
 */
public record DocumentEdit(AdminDocument after, long readVersion, List<FieldChange> history, Optional<Rearm> rearm,
                           Expiring expiring) {
    /** What a resolved reminder's history says it becomes when a new schedule re-arms it. */
    public static final String ACTIVE = "ACTIVE";

    /** The reminder armed anew, first due at {@code firstDue}; empty: it has no occurrence left, so it is disarmed. */
    public record Rearm(Optional<Instant> firstDue) {}

    public enum Expiring { UNCHANGED, MOVED, REMOVED }

    public DocumentEdit {
        history = List.copyOf(history);
    }

    /** The edit from {@code before} (read at {@code version}) to {@code after}, under the organization's {@code schedule}. */
    public static DocumentEdit of(ReminderSchedule schedule, AdminDocument before, long version, AdminDocument after) {
        String field = historyField(after) + ".";
        List<FieldChange> history = new ArrayList<>();
        addIfChanged(history, field + "title", before.title(), after.title());
        addIfChanged(history, field + "kind", before.kind(), after.kind());
        addIfChanged(history, field + "issuedOn", before.issuedOn(), after.issuedOn());
        addIfChanged(history, field + "expiresOn", before.expiresOn(), after.expiresOn());
        addIfChanged(history, field + "reminderDate", before.reminderDate(), after.reminderDate());
        addIfChanged(history, field + "reminderNote", before.reminderNote(), after.reminderNote());
        addIfChanged(history, field + "leadDays", lead(before), lead(after));
        addIfChanged(history, field + "repeatEveryDays", repeat(before), repeat(after));
        addIfChanged(history, field + "alsoNotifyContacts", contacts(before), contacts(after));
        if (before.reminderResolution() != null && after.reminderResolution() == null) {
            history.add(new FieldChange(reminderField(after), before.reminderResolution().name(), ACTIVE));
        }
        boolean rearmed = !Reminder.sameSchedule(schedule.effective(before).orElse(null), schedule.effective(after).orElse(null))
                || before.reminderResolution() != after.reminderResolution();
        Expiring expiring = Objects.equals(before.expiresOn(), after.expiresOn()) ? Expiring.UNCHANGED
                : after.expiresOn() == null ? Expiring.REMOVED : Expiring.MOVED;
        return new DocumentEdit(after, version, history,
                rearmed ? Optional.of(new Rearm(schedule.firstDue(after))) : Optional.empty(), expiring);
    }

    /** The path of a document's entries in its project's admin history. */
    public static String historyField(AdminDocument document) {
        return "adminDocuments." + document.id();
    }

    /** The path of a document's reminder state (ACTIVE, RESOLVED, RENEWED) in that history. */
    public static String reminderField(AdminDocument document) {
        return historyField(document) + ".reminder";
    }

    /** The path of one of a document's file versions in that history. */
    public static String versionField(AdminDocument document, String versionId) {
        return historyField(document) + ".versions." + versionId;
    }

    /** The entry of a running reminder stopped as {@code how} (an ADMIN's "done", or a renewal). */
    static FieldChange reminderStopped(AdminDocument document, Reminder.Resolution how) {
        return new FieldChange(reminderField(document), ACTIVE, how.name());
    }

    private static void addIfChanged(List<FieldChange> history, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            history.add(new FieldChange(field, before, after));
        }
    }

    /** A reminder's lead time in the history: none (null) when it starts on its date. */
    private static Integer lead(AdminDocument d) {
        return d.reminder() == null || d.reminder().leadDays() == 0 ? null : d.reminder().leadDays();
    }

    private static Integer repeat(AdminDocument d) {
        return d.reminder() == null ? null : d.reminder().repeatEveryDays();
    }

    private static String contacts(AdminDocument d) {
        return d.reminder() == null || d.reminder().contactRoles().isEmpty() ? null
                : String.join(",", d.reminder().contactRoles().stream().map(ContactRole::apiName).toList());
    }
}
