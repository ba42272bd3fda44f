package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One reminder in one sweep run, decided as a value: held, not yet due, or which occurrence fires, to whom, and what next. */
class SweepStepTest {
    static final ReminderSchedule RULES = new ReminderSchedule(ZoneId.of("UTC"));
    static final Organization TORONTO = new Organization("o", "Construction Démo", ZoneId.of("America/Toronto"), "fr-CA");
    static final Organization PARIS = new Organization("o", "Construction Démo", ZoneId.of("Europe/Paris"), "fr-CA");
    /** Weekly from 2026-12-01, until its date + 60 days. */
    static final Reminder WEEKLY = new Reminder(LocalDate.of(2026, 12, 15), "courtier", 14, 7);

    static Project project(ProjectState state) {
        return new Project("o", "P", "Tour Sud", new AdminInfo(null, null, null, null, state, null), 1,
                Map.of("zoe", Permission.ADMIN, "adam", Permission.ADMIN, "lea", Permission.LIMITED), Map.of(), Instant.EPOCH, "zoe");
    }

    static AdminDocument document(Reminder reminder) {
        return new AdminDocument("o", "P", "D", "Police", DocumentKind.CONTRACT, null, reminder, null, Instant.EPOCH, "u", List.of());
    }

    @Test
    void aClosedOrMissingProjectHoldsItsReminders() {
        Instant now = Instant.parse("2026-12-02T15:00:00Z");
        assertEquals(new SweepStep.Held(), SweepStep.of(RULES, document(WEEKLY), project(ProjectState.CLOSED), TORONTO, now));
        assertEquals(new SweepStep.Held(), SweepStep.of(RULES, document(WEEKLY), null, TORONTO, now));
    }

    @Test
    void theLatestOccurrenceDueFiresToTheProjectsAdminMembersOnceAfterMissedRuns() {
        Instant nineDaysLate = Instant.parse("2026-12-10T15:00:00Z"); // occurrences on Dec 1 and Dec 8 were missed
        assertEquals(new SweepStep.Fire(WEEKLY, LocalDate.of(2026, 12, 8), List.of("adam", "zoe"), "Construction Démo", "Tour Sud"),
                SweepStep.of(RULES, document(WEEKLY), project(ProjectState.ACTIVE), TORONTO, nineDaysLate));
    }

    @Test
    void beforeSevenInTheOrganizationsZoneNothingIsDueYet() {
        Instant sixAmInToronto = Instant.parse("2026-12-01T11:00:00Z");
        assertEquals(new SweepStep.NotYetDue(), SweepStep.of(RULES, document(WEEKLY), project(ProjectState.ACTIVE), TORONTO, sixAmInToronto));
        assertEquals(LocalDate.of(2026, 12, 1), ((SweepStep.Fire) SweepStep.of(RULES, document(WEEKLY), project(ProjectState.ACTIVE), PARIS,
                sixAmInToronto)).day(), "already noon in Paris");
        assertEquals(new SweepStep.NotYetDue(), SweepStep.of(RULES, document(null), project(ProjectState.ACTIVE), TORONTO, sixAmInToronto),
                "no reminder at all");
    }

    @Test
    void afterFiringTheReminderIsDueAtItsNextOccurrenceAfterBothTheDayFiredAndNowOrNeverAfterItsLast() {
        assertEquals(Optional.of(Instant.parse("2026-12-08T12:00:00Z")),
                SweepStep.nextDue(RULES, TORONTO, WEEKLY, LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T13:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-12-22T12:00:00Z")),
                SweepStep.nextDue(RULES, TORONTO, WEEKLY, LocalDate.of(2026, 12, 1), Instant.parse("2026-12-16T13:00:00Z")),
                "a run taking over an old claim fires that day; the missed Dec 8 and 15 are not fired again");
        Reminder once = Reminder.once(LocalDate.of(2026, 12, 15), null);
        assertEquals(Optional.empty(), SweepStep.nextDue(RULES, TORONTO, once, LocalDate.of(2026, 12, 15), Instant.parse("2026-12-15T13:00:00Z")));
    }
}
