package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one run of the reminder sweep does with one reminder the due index lists, decided as a value from what was
 * read (the document, its project and organization) and the run's moment:
 * <ul>
 *   <li>{@link Held}: its project is closed (or gone): nothing fires; the project's reminders leave the due index;</li>
 *   <li>{@link NotYetDue}: no occurrence is due yet in its organization's time zone (which changed since it was armed);</li>
 *   <li>{@link Fire}: the latest occurrence due — missed runs catch up with one, not a burst — to the project's ADMIN
 *       members, now; {@link Fire#nextDue} is when the reminder is due after it.</li>
 * </ul>
 * Claiming, publishing, notifying and completing it exactly once is the sweep's and storage's work.
 */
public sealed interface SweepStep {
    record Held() implements SweepStep {}

    record NotYetDue() implements SweepStep {}

    record Fire(Reminder reminder, LocalDate day, List<String> recipients, String organizationName, String projectName)
            implements SweepStep {
        public Fire {
            recipients = List.copyOf(recipients);
        }
    }

    static SweepStep of(ReminderSchedule schedule, AdminDocument document, Project project, Organization organization, Instant now) {
        if (!ReminderSchedule.mayFire(project)) {
            return new Held();
        }
        ReminderSchedule rules = schedule.of(organization);
        Optional<Reminder> reminder = rules.effective(document);
        Optional<LocalDate> day = reminder.flatMap(r -> rules.latestDue(r, now));
        if (day.isEmpty()) {
            return new NotYetDue();
        }
        return new Fire(reminder.get(), day.get(), ProjectAccess.admins(project), organization.name(), project.name());
    }

    /**
     * When {@code reminder} is due after firing its occurrence of {@code fired}: its first occurrence after both that
     * day and {@code now} (a run that took over an old claim fires that claim's day; what was missed since is not
     * fired again), or empty after its last.
     */
    static Optional<Instant> nextDue(ReminderSchedule schedule, Organization organization, Reminder reminder, LocalDate fired, Instant now) {
        ReminderSchedule rules = schedule.of(organization);
        LocalDate from = rules.latestDue(reminder, now).filter(day -> day.isAfter(fired)).orElse(fired);
        return reminder.nextAfter(from).map(rules::dueAt);
    }
}
