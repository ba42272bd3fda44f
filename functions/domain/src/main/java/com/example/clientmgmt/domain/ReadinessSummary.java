package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the organization's readiness list and the at-risk reminders keep of one project's {@link Readiness} (SPEC v3
 * "Requirements and bid readiness"), decided on a day ({@code today}, the organization's):
 * <ul>
 * <li>{@code nextDate}: the soonest day, today or later, that a requirement not satisfied is needed by (none: nothing
 *     left to do, or only past days);</li>
 * <li>the project is <em>listed</em> (at risk) when it is open, not ready and has such a day;</li>
 * <li>{@code counts}: how many of its requirements are in each {@link Readiness.Status};</li>
 * <li>{@code warned}: each requirement already warned about, with the day it was warned for. A requirement is
 *     <em>at risk</em> when it is not satisfied {@code warnDays} or fewer days before its day (and that day is not past):
 *     it is warned about once per requirement and day; moving its day re-arms it, being satisfied forgets it (silent, and
 *     a later relapse warns again); nothing is warned while the project is closed (held: it warns at the reopening);</li>
 * <li>{@code refreshOn}: the next day time alone changes any of this (an at-risk requirement to warn about, the next
 *     day passing, a file still uploading); none while closed or once nothing is left. {@code refreshAtMidnight}: the
 *     list changes that day (its next day passes, a file's upload lapses), so the sweep refreshes it at midnight;
 *     otherwise (only a warning) at the hour reminders fire. Warnings go out from that hour only
 *     ({@link #mayWarnAt}), never at night.</li>
 * </ul>
 */
public record ReadinessSummary(boolean ready, LocalDate nextDate, Map<Readiness.Status, Integer> counts,
                               Map<String, LocalDate> warned, LocalDate refreshOn, boolean refreshAtMidnight, boolean open) {
    private static final Set<Readiness.Status> NOT_TO_DO = Set.of(Readiness.Status.SATISFIED, Readiness.Status.NO_DATE);

    public ReadinessSummary {
        counts = Map.copyOf(counts);
        warned = Map.copyOf(warned);
    }

    /** Whether the project belongs on the organization's list: open, not ready, and a day still to come. */
    public boolean listed() {
        return open && !ready && nextDate != null;
    }

    /** A decided summary and the requirements to warn about now (empty unless warning was asked for). */
    public record Decision(ReadinessSummary summary, List<Readiness.Item> toWarn) {}

    /**
     * The summary of {@code readiness} on {@code today} for a project {@code open} or closed, given what was
     * {@code warnedBefore}. With {@code warn} (the daily sweep), the requirements at risk and not warned yet are returned
     * to warn about and recorded as warned; without (a write of the project), they are kept for the sweep, whose
     * {@code refreshOn} is then today.
     */
    public static Decision decide(Readiness readiness, boolean open, LocalDate today, int warnDays,
                                  Map<String, LocalDate> warnedBefore, boolean warn) {
        if (warnDays < 0) {
            throw new IllegalArgumentException("requirements.warn-days must be 0 or more, not " + warnDays);
        }
        Map<Readiness.Status, Integer> counts = new EnumMap<>(Readiness.Status.class);
        LocalDate nextDate = null;
        boolean uploading = false;
        Map<String, LocalDate> warned = new HashMap<>();
        List<Readiness.Item> atRisk = new ArrayList<>();
        List<Readiness.Item> later = new ArrayList<>();
        for (Readiness.Item item : readiness.items()) {
            counts.merge(item.status(), 1, Integer::sum);
            uploading |= item.status() == Readiness.Status.PENDING_UPLOAD;
            if (NOT_TO_DO.contains(item.status()) || item.at().isBefore(today)) {
                continue; // satisfied (forgotten), undated, or past: nothing to warn about
            }
            String id = item.requirement().id();
            nextDate = nextDate == null || item.at().isBefore(nextDate) ? item.at() : nextDate;
            if (item.at().equals(warnedBefore.get(id))) {
                warned.put(id, item.at()); // warned for this very day: once
            } else if (!item.at().isAfter(today.plusDays(warnDays))) {
                atRisk.add(item);
            } else {
                later.add(item);
            }
        }
        List<Readiness.Item> toWarn = List.of();
        if (open && warn) {
            toWarn = List.copyOf(atRisk);
            atRisk.forEach(i -> warned.put(i.requirement().id(), i.at()));
        }
        LocalDate forWarning = null;
        LocalDate forList = null;
        if (open) {
            if (!atRisk.isEmpty() && !warn) {
                forWarning = today;
            }
            for (Readiness.Item i : later) {
                forWarning = min(forWarning, i.at().minusDays(warnDays));
            }
            if (nextDate != null) {
                forList = nextDate.plusDays(1);
            }
            if (uploading) {
                forList = min(forList, today.plusDays(1));
            }
        }
        LocalDate refreshOn = forList == null ? forWarning : min(forWarning, forList);
        boolean atMidnight = forList != null && forList.equals(refreshOn);
        boolean ready = readiness.ready();
        return new Decision(new ReadinessSummary(ready, nextDate, counts, warned, refreshOn, atMidnight, open), toWarn);
    }

    /**
     * When the sweep is to refresh it: {@code refreshOn} at midnight in {@code zone} when the list changes that day, else
     * at the hour reminders fire; null: never by time.
     */
    public java.time.Instant refreshAt(java.time.ZoneId zone) {
        return refreshOn == null ? null
                : (refreshAtMidnight ? refreshOn.atStartOfDay(zone) : refreshOn.atTime(ReminderSchedule.FIRES_AT).atZone(zone)).toInstant();
    }

    /** Whether warnings may go out at {@code now} in {@code zone}: from the hour reminders fire on, not at night. */
    public static boolean mayWarnAt(java.time.Instant now, java.time.ZoneId zone) {
        return !now.atZone(zone).toLocalTime().isBefore(ReminderSchedule.FIRES_AT);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
