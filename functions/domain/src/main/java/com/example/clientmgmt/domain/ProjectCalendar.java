package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The dates of one project as all-day calendar events (SPEC v3 "Calendar feed"): its submission deadline, start and
 * end, each document's expiry, each requirement's day, and the next occurrence of each running reminder (none while
 * the project is closed: they do not fire). Never a budget. Each event's UID names what it is about, so it stays the
 * same from one poll to the next and a calendar updates it in place when its date moves. The words come from
 * {@code words} (a message key and its arguments, in the feed owner's language).
 */
public final class ProjectCalendar {
    static final String DOMAIN = "@client-management";

    private ProjectCalendar() {}

    public static List<ICalendar.Event> events(Project project, List<AdminDocument> documents, ProjectRequirements requirements,
                                               ReminderSchedule schedule, LocalDate today, BiFunction<String, List<Object>, String> words) {
        List<ICalendar.Event> out = new ArrayList<>();
        AdminInfo info = project.adminInfo();
        String p = project.id();
        String name = project.name();
        add(out, "deadline-" + p, info.submissionDeadline(), words.apply("calendar.SUBMISSION_DEADLINE", List.of(name)), info.clientCompanyName());
        add(out, "start-" + p, info.startDate(), words.apply("calendar.START", List.of(name)), info.clientCompanyName());
        add(out, "end-" + p, info.endDate(), words.apply("calendar.END", List.of(name)), info.clientCompanyName());
        for (AdminDocument d : documents) {
            add(out, "expiry-" + p + "-" + d.id(), d.expiresOn(), words.apply("calendar.EXPIRY", List.of(d.title(), name)), null);
            if (!project.state().isClosed() && schedule.isArmed(d)) {
                Reminder reminder = schedule.effective(d).orElseThrow();
                reminder.nextOnOrAfter(today).ifPresent(day -> add(out, "reminder-" + p + "-" + d.id(), day,
                        words.apply("calendar.REMINDER", List.of(d.title(), name)), reminder.note()));
            }
        }
        for (Requirement r : requirements.all(info)) {
            String label = r.label() != null ? r.label() : words.apply("kind." + r.kind().name(), List.of());
            add(out, "requirement-" + p + "-" + r.id(), r.dueIn(info), words.apply("calendar.REQUIREMENT", List.of(label, name)), r.note());
        }
        return out;
    }

    private static void add(List<ICalendar.Event> out, String uid, LocalDate date, String summary, String description) {
        if (date != null) {
            out.add(new ICalendar.Event(uid + DOMAIN, date, summary, description));
        }
    }
}
