package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the organization's list and the at-risk warnings keep of a project's readiness: the next day, whether it is
 * listed, when time alone changes it, and each requirement at risk warned once per day — re-armed when the day moves,
 * silent once satisfied, held while the project is closed.
 */
class ReadinessSummaryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final int WARN = 14;

    static Requirement onDate(String id, LocalDate date) {
        return new Requirement(id, DocumentKind.BID_BOND, null, NeededBy.DATE, date, null, RequirementSource.MANUAL, null);
    }

    static Readiness.Item item(Requirement r, Readiness.Status status) {
        return new Readiness.Item(r, r.date(), status, null, null);
    }

    static Readiness readiness(Readiness.Item... items) {
        List<Readiness.Item> list = List.of(items);
        boolean ready = list.stream().filter(i -> i.status() != Readiness.Status.NO_DATE)
                .allMatch(i -> i.status() == Readiness.Status.SATISFIED);
        return new Readiness(ready, list);
    }

    static final Requirement SOON = onDate("r1", TODAY.plusDays(10));
    static final Requirement LATER = onDate("r2", TODAY.plusDays(30));
    static final Requirement PAST = onDate("r3", TODAY.minusDays(1));

    @Test
    void theNextDayIsTheSoonestNotSatisfiedTodayOrLaterAndAProjectNotReadyWithOneIsListed() {
        ReadinessSummary s = ReadinessSummary.decide(readiness(item(PAST, Readiness.Status.MISSING),
                item(LATER, Readiness.Status.EXPIRES_BEFORE), item(SOON, Readiness.Status.SATISFIED)), true, TODAY, WARN, Map.of(), false)
                .summary();
        assertEquals(TODAY.plusDays(30), s.nextDate(), "past days and satisfied ones do not count");
        assertFalse(s.ready());
        assertTrue(s.listed());
        assertEquals(Map.of(Readiness.Status.MISSING, 1, Readiness.Status.EXPIRES_BEFORE, 1, Readiness.Status.SATISFIED, 1), s.counts());
        assertEquals(TODAY.plusDays(30 - WARN), s.refreshOn(), "time next changes it when LATER comes within the warning days");

        ReadinessSummary closed = ReadinessSummary.decide(readiness(item(LATER, Readiness.Status.MISSING)), false, TODAY, WARN, Map.of(),
                false).summary();
        assertFalse(closed.listed(), "a closed project is not at risk");
        assertNull(closed.refreshOn(), "nor refreshed by time: its reopening is a write");

        ReadinessSummary ready = ReadinessSummary.decide(readiness(item(SOON, Readiness.Status.SATISFIED)), true, TODAY, WARN, Map.of(),
                false).summary();
        assertTrue(ready.ready());
        assertFalse(ready.listed());
        assertNull(ready.nextDate());
        assertNull(ready.refreshOn(), "nothing left for time to change");

        ReadinessSummary onlyPast = ReadinessSummary.decide(readiness(item(PAST, Readiness.Status.MISSING)), true, TODAY, WARN, Map.of(),
                false).summary();
        assertFalse(onlyPast.ready());
        assertFalse(onlyPast.listed(), "no day left to come");
    }

    @Test
    void aWriteLeavesTheWarningToTheSweepWhichWarnsOnceAndThenOnlyWhenTheDayPasses() {
        Readiness r = readiness(item(SOON, Readiness.Status.MISSING), item(LATER, Readiness.Status.MISSING));
        ReadinessSummary.Decision byWrite = ReadinessSummary.decide(r, true, TODAY, WARN, Map.of(), false);
        assertEquals(List.of(), byWrite.toWarn(), "a write warns of nothing itself");
        assertEquals(TODAY, byWrite.summary().refreshOn(), "SOON is at risk: the sweep is due today");

        ReadinessSummary.Decision bySweep = ReadinessSummary.decide(r, true, TODAY, WARN, byWrite.summary().warned(), true);
        assertEquals(List.of("r1"), bySweep.toWarn().stream().map(i -> i.requirement().id()).toList(), "LATER is not at risk yet");
        assertEquals(Map.of("r1", SOON.date()), bySweep.summary().warned());
        assertEquals(SOON.date().plusDays(1), bySweep.summary().refreshOn(), "next: SOON's day passing (before LATER comes within the window)");

        ReadinessSummary.Decision again = ReadinessSummary.decide(r, true, TODAY.plusDays(1), WARN, bySweep.summary().warned(), true);
        assertEquals(List.of(), again.toWarn(), "once per requirement and day");
        assertEquals(Map.of("r1", SOON.date()), again.summary().warned());

        ReadinessSummary.Decision laterDue = ReadinessSummary.decide(r, true, TODAY.plusDays(16), WARN, again.summary().warned(), true);
        assertEquals(List.of("r2"), laterDue.toWarn().stream().map(i -> i.requirement().id()).toList());
        assertEquals(Map.of("r2", LATER.date()), laterDue.summary().warned(), "SOON's day is past: no longer kept");
    }

    @Test
    void movingTheDayReArmsItAndBeingSatisfiedForgetsIt() {
        Map<String, LocalDate> warned = Map.of("r1", SOON.date());
        Requirement moved = onDate("r1", TODAY.plusDays(8));
        ReadinessSummary.Decision d = ReadinessSummary.decide(readiness(item(moved, Readiness.Status.MISSING)), true, TODAY, WARN,
                warned, true);
        assertEquals(List.of(moved.date()), d.toWarn().stream().map(Readiness.Item::at).toList(), "a new day: warned again");

        ReadinessSummary.Decision satisfied = ReadinessSummary.decide(readiness(item(moved, Readiness.Status.SATISFIED)), true, TODAY,
                WARN, d.summary().warned(), true);
        assertEquals(List.of(), satisfied.toWarn(), "silent once satisfied");
        assertEquals(Map.of(), satisfied.summary().warned(), "and forgotten: a relapse warns again");
        assertTrue(satisfied.summary().ready());
    }

    @Test
    void aClosedProjectIsHeldAndWarnsAtItsReopening() {
        Readiness r = readiness(item(SOON, Readiness.Status.PENDING_UPLOAD));
        ReadinessSummary.Decision closed = ReadinessSummary.decide(r, false, TODAY, WARN, Map.of(), true);
        assertEquals(List.of(), closed.toWarn(), "held while closed");
        assertEquals(Map.of(), closed.summary().warned(), "nothing recorded as warned");

        ReadinessSummary.Decision reopened = ReadinessSummary.decide(r, true, TODAY, WARN, closed.summary().warned(), false);
        assertEquals(TODAY, reopened.summary().refreshOn(), "the reopening makes the sweep due today");
        assertEquals(1, ReadinessSummary.decide(r, true, TODAY, WARN, reopened.summary().warned(), true).toWarn().size());
    }

    @Test
    void theWarningWindowIncludesItsLastDayAndToday() {
        Requirement edge = onDate("e", TODAY.plusDays(WARN));
        Requirement outside = onDate("o", TODAY.plusDays(WARN + 1));
        Requirement today = onDate("t", TODAY);
        ReadinessSummary.Decision d = ReadinessSummary.decide(readiness(item(edge, Readiness.Status.MISSING),
                item(outside, Readiness.Status.MISSING), item(today, Readiness.Status.ISSUED_TOO_LATE)), true, TODAY, WARN, new HashMap<>(),
                true);
        assertEquals(List.of("e", "t"), d.toWarn().stream().map(i -> i.requirement().id()).sorted().toList());
        assertEquals(TODAY.plusDays(1), d.summary().refreshOn(), "tomorrow: 'o' comes within the window, today's day passes");
        assertEquals(TODAY, d.summary().nextDate());
        assertThrows(IllegalArgumentException.class, () -> ReadinessSummary.decide(readiness(), true, TODAY, -1, Map.of(), false));
    }

    @Test
    void aFileStillUploadingIsLookedAtAgainTomorrow() {
        ReadinessSummary s = ReadinessSummary.decide(readiness(item(LATER, Readiness.Status.PENDING_UPLOAD)), true, TODAY, WARN, Map.of(),
                false).summary();
        assertEquals(TODAY.plusDays(1), s.refreshOn());
    }

    @Test
    void undatedRequirementsWaitForTheirDay() {
        Requirement atStart = new Requirement("s", DocumentKind.PERFORMANCE_BOND, null, NeededBy.START, null, null,
                RequirementSource.MANUAL, null);
        ReadinessSummary s = ReadinessSummary.decide(readiness(new Readiness.Item(atStart, null, Readiness.Status.NO_DATE, null, null)),
                true, TODAY, WARN, Map.of(), true).summary();
        assertTrue(s.ready());
        assertNull(s.nextDate());
        assertNull(s.refreshOn());
        assertEquals(Map.of(Readiness.Status.NO_DATE, 1), s.counts());
    }

    @Test
    void theListsChangesAreRefreshedAtMidnightAndWarningsGoOutFromSevenOnly() {
        java.time.ZoneId montreal = java.time.ZoneId.of("America/Toronto");
        ReadinessSummary.Decision warned = ReadinessSummary.decide(readiness(item(SOON, Readiness.Status.MISSING)), true, TODAY, WARN,
                Map.of(), true);
        assertEquals(SOON.date().plusDays(1), warned.summary().refreshOn(), "next: SOON's day passing");
        assertTrue(warned.summary().refreshAtMidnight(), "the list changes that day: at its first minute");
        assertEquals(java.time.Instant.parse("2026-12-14T05:00:00Z"), warned.summary().refreshAt(montreal));

        ReadinessSummary pending = ReadinessSummary.decide(readiness(item(SOON, Readiness.Status.MISSING)), true, TODAY, WARN, Map.of(),
                false).summary();
        assertEquals(TODAY, pending.refreshOn());
        assertFalse(pending.refreshAtMidnight(), "a warning to give: at the hour reminders fire");
        assertEquals(java.time.Instant.parse("2026-12-03T12:00:00Z"), pending.refreshAt(montreal));

        assertFalse(ReadinessSummary.mayWarnAt(java.time.Instant.parse("2026-12-03T11:59:00Z"), montreal), "06:59 in Montréal");
        assertTrue(ReadinessSummary.mayWarnAt(java.time.Instant.parse("2026-12-03T12:00:00Z"), montreal), "07:00");
        assertNull(ReadinessSummary.decide(readiness(), true, TODAY, WARN, Map.of(), false).summary().refreshAt(montreal));
    }
}
