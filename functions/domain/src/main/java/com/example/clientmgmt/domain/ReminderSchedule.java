package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * When document reminders are due: each occurrence at 07:00 in the organization's time zone (on a DST
 * change day, 07:00 local time still, whatever its offset). The sweep fires what is due at or before its
 * run, so an occurrence fires on the first run at or after its moment; runs that were missed catch up with
 * one occurrence, the latest one due. Documents that expire (every kind but contracts and "other", with an
 * {@code expiresOn}) and have no reminder of their own get a default one: on the
 * expiry date, {@code defaultLeadDays} before, every {@code defaultRepeatEveryDays} days.
 */
public record ReminderSchedule(ZoneId zone, int defaultLeadDays, int defaultRepeatEveryDays) {
    public static final LocalTime FIRES_AT = LocalTime.of(7, 0);
    /** The kinds that lapse: they get a default reminder from their expiry date (all but contracts and "other"). */
    public static final Set<DocumentKind> EXPIRING_KINDS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.complementOf(java.util.EnumSet.of(DocumentKind.CONTRACT, DocumentKind.OTHER)));

    public ReminderSchedule(ZoneId zone) {
        this(zone, 30, 7);
    }

    /** The same rules in another time zone (an organization's own). */
    public ReminderSchedule in(ZoneId other) {
        return new ReminderSchedule(other, defaultLeadDays, defaultRepeatEveryDays);
    }

    /** The same rules in the organization's own time zone. */
    public ReminderSchedule of(Organization organization) {
        return in(organization.timeZone());
    }

    /** The instant an occurrence on {@code day} becomes due. */
    public Instant dueAt(LocalDate day) {
        return day.atTime(FIRES_AT).atZone(zone).toInstant();
    }

    /** The reminder a document has: its own, else the default of a document that expires, else none. */
    public Optional<Reminder> effective(AdminDocument document) {
        if (document.reminder() != null) {
            return Optional.of(document.reminder());
        }
        if (document.expiresOn() != null && EXPIRING_KINDS.contains(document.kind())) {
            return Optional.of(new Reminder(document.expiresOn(), null, defaultLeadDays, defaultRepeatEveryDays));
        }
        return Optional.empty();
    }

    /**
     * Whether a document's reminder is armed: it has one and it was not resolved. What happens to its files
     * does not disarm it (a document whose versions were all rejected still needs renewing). Reminders of a
     * closed project stay armed, but {@link #mayFire} holds them until the project is reopened.
     */
    public boolean isArmed(AdminDocument document) {
        return document.reminderResolution() == null && effective(document).isPresent();
    }

    /**
     * The document with its reminder stopped by an ADMIN ("done"): refused (409 NO_ACTIVE_REMINDER) when it
     * has no reminder, or it was stopped already.
     */
    public AdminDocument resolve(AdminDocument document) {
        if (!isArmed(document)) {
            throw new ProblemException(ProblemCode.CONFLICT, "NO_ACTIVE_REMINDER", java.util.List.of(), java.util.List.of());
        }
        return document.resolved(Reminder.Resolution.RESOLVED);
    }

    /** When the first occurrence of the document's reminder is due (its arming), if it has one. */
    public Optional<Instant> firstDue(AdminDocument document) {
        return isArmed(document) ? effective(document).map(r -> dueAt(r.firstDay())) : Optional.empty();
    }

    /** The latest occurrence due at or before {@code now}: the one a sweep fires (catching up fires one). */
    public Optional<LocalDate> latestDue(Reminder reminder, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<LocalDate> latest = reminder.latestOnOrBefore(today);
        if (latest.isPresent() && dueAt(latest.get()).isAfter(now)) {
            latest = reminder.latestOnOrBefore(today.minusDays(1));
        }
        return latest;
    }

    /** A due reminder fires unless its project is closed: then it waits for the reopening. */
    public static boolean mayFire(Project project) {
        return project != null && !project.state().isClosed();
    }
}
