package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A document's reminder: a date and a note, how many days before the date it starts ({@code leadDays},
 * 0–90) and how often it comes back ({@code repeatEveryDays}, 1–30, or null for once). Its occurrences fall
 * on the days {@code date − leadDays + k × repeatEveryDays}, up to {@code date + 60 days}; each one is due at
 * 07:00 in the organization's time zone ({@link ReminderSchedule}). It stops when resolved. Besides the
 * project's ADMINs, it also e-mails the project's client contacts of {@code contactRoles} (none by default).
 */
public record Reminder(LocalDate date, String note, int leadDays, Integer repeatEveryDays, Set<ContactRole> contactRoles) {
    public static final int MAX_LEAD_DAYS = 90;
    public static final int MAX_REPEAT_DAYS = 30;
    /** Occurrences stop this many days after the reminder date. */
    public static final int WINDOW_DAYS = 60;

    /** Why a reminder stopped before its window ended. */
    public enum Resolution { RESOLVED, RENEWED }

    public Reminder(LocalDate date, String note, int leadDays, Integer repeatEveryDays) {
        this(date, note, leadDays, repeatEveryDays, Set.of());
    }

    public Reminder {
        contactRoles = contactRoles == null || contactRoles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(contactRoles));
        if (leadDays < 0 || leadDays > MAX_LEAD_DAYS || (repeatEveryDays != null && (repeatEveryDays < 1 || repeatEveryDays > MAX_REPEAT_DAYS))) {
            throw new IllegalArgumentException("lead 0–" + MAX_LEAD_DAYS + ", repeat 1–" + MAX_REPEAT_DAYS);
        }
    }

    public static Reminder once(LocalDate date, String note) {
        return new Reminder(date, note, 0, null);
    }

    /** The same reminder, also e-mailing the client contacts of these roles. */
    public Reminder withContactRoles(Set<ContactRole> roles) {
        return new Reminder(date, note, leadDays, repeatEveryDays, roles);
    }

    /** True when both fall on the same days (notes and contacts aside), or both are none. */
    public static boolean sameSchedule(Reminder a, Reminder b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.date.equals(b.date) && a.leadDays == b.leadDays && java.util.Objects.equals(a.repeatEveryDays, b.repeatEveryDays);
    }

    /** The day of the first occurrence. */
    public LocalDate firstDay() {
        return date.minusDays(leadDays);
    }

    /** No occurrence falls after this day. */
    public LocalDate lastDay() {
        return date.plusDays(WINDOW_DAYS);
    }

    /** The latest occurrence on or before {@code day}, or empty when the first is later. */
    public Optional<LocalDate> latestOnOrBefore(LocalDate day) {
        LocalDate first = firstDay();
        if (day.isBefore(first)) {
            return Optional.empty();
        }
        if (repeatEveryDays == null) {
            return Optional.of(first);
        }
        LocalDate bound = day.isAfter(lastDay()) ? lastDay() : day;
        long k = ChronoUnit.DAYS.between(first, bound) / repeatEveryDays;
        return Optional.of(first.plusDays(k * repeatEveryDays));
    }

    /** The occurrence after {@code occurrence}, or empty when it was the last. */
    public Optional<LocalDate> nextAfter(LocalDate occurrence) {
        if (repeatEveryDays == null) {
            return Optional.empty();
        }
        LocalDate next = latestOnOrBefore(occurrence).orElse(firstDay().minusDays(repeatEveryDays)).plusDays(repeatEveryDays);
        return next.isAfter(lastDay()) ? Optional.empty() : Optional.of(next);
    }

    /** Its first occurrence on or after {@code day}, if any is left. */
    public Optional<LocalDate> nextOnOrAfter(LocalDate day) {
        if (!day.isAfter(firstDay())) {
            return Optional.of(firstDay());
        }
        Optional<LocalDate> latest = latestOnOrBefore(day);
        if (latest.isPresent() && latest.get().equals(day)) {
            return latest;
        }
        return latest.flatMap(this::nextAfter);
    }
}
