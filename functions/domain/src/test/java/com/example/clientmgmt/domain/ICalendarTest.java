package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's bytes as RFC 5545 wants them, checked on the raw text (parsers forgive what calendars may not): CRLF line
 * ends, lines folded at 75 octets never inside a character, escaped text, all-day dates; and which dates of a project
 * become events.
 */
class ICalendarTest {
    static final Instant AT = Instant.parse("2026-12-03T15:04:05Z");

    @Test
    void everyLineEndsWithCrlfAndNoneExceeds75OctetsEvenInFourByteCharacters() {
        String summary = "Dépôt — " + "🏗".repeat(40) + " école Saint-Hubert, phase 2; «lot B»";
        String text = ICalendar.render("Client management", "fr-CA",
                List.of(new ICalendar.Event("deadline-X@client-management", LocalDate.of(2026, 12, 13), summary, "ligne 1\nligne 2")), AT);
        assertTrue(text.endsWith("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(text.replace("\r\n", "").contains("\r"), "no bare CR");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            assertTrue(line.codePoints().allMatch(Character::isValidCodePoint));
            assertFalse(!line.isEmpty() && Character.isLowSurrogate(line.charAt(0)), "a fold never splits a surrogate pair");
        }
        // unfolded (RFC 5545 §3.1: CRLF followed by one space is removed), the summary is whole again
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY;LANGUAGE=fr-CA:" + summary.replace(",", "\\,").replace(";", "\\;") + "\r\n"), unfolded);
        assertTrue(unfolded.contains("DESCRIPTION;LANGUAGE=fr-CA:ligne 1\\nligne 2\r\n"));
        assertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261213\r\nDTEND;VALUE=DATE:20261214\r\n"));
        assertTrue(unfolded.contains("DTSTAMP:20261203T150405Z\r\n"));
        assertTrue(unfolded.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    }

    @Test
    void textIsEscapedAsTheStandardSays() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", ICalendar.escape("a\\b;c,d\ne\r\nf"));
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        StringBuilder out = new StringBuilder();
        ICalendar.line(out, "X:" + "é".repeat(100));
        String[] lines = out.toString().split("\r\n");
        assertEquals(75, lines[0].getBytes(StandardCharsets.UTF_8).length + 1, "2 + 36×2 = 74 octets: the next é would make 76");
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(" "));
            assertTrue(lines[i].getBytes(StandardCharsets.UTF_8).length <= 75);
        }
        StringBuilder exact = new StringBuilder();
        ICalendar.line(exact, "X".repeat(75));
        assertEquals("X".repeat(75) + "\r\n", exact.toString(), "75 octets: not folded");
    }

    @Test
    void aProjectsDatesBecomeEventsWithStableUidsNeverABudget() {
        AdminInfo info = new AdminInfo("Ville de Laval", LocalDate.of(2026, 12, 13), LocalDate.of(2027, 3, 1), null,
                ProjectState.BIDDING, new Money(new BigDecimal("1234567.89"), "CAD"), ClientType.PUBLIC);
        Project project = new Project("org", "P1", "Aréna", info, 1, Map.of(), Map.of(), AT, "marie");
        AdminDocument insurance = new AdminDocument("org", "P1", "D1", "Assurance", DocumentKind.INSURANCE, null,
                LocalDate.of(2027, 1, 31), null, null, AT, "marie", List.of());
        ProjectRequirements requirements = new ProjectRequirements(List.of(new Requirement("R1", DocumentKind.CCQ_STATEMENT, null,
                NeededBy.DATE, LocalDate.of(2027, 1, 15), null, RequirementSource.MANUAL, null)), List.of(), 1);
        ReminderSchedule schedule = new ReminderSchedule(ZoneId.of("America/Toronto"));
        List<ICalendar.Event> events = ProjectCalendar.events(project, List.of(insurance), requirements, schedule,
                LocalDate.of(2026, 12, 3), (key, args) -> key + args);
        List<String> uids = events.stream().map(ICalendar.Event::uid).toList();
        assertEquals(List.of("deadline-P1@client-management", "start-P1@client-management", "expiry-P1-D1@client-management",
                "reminder-P1-D1@client-management", "requirement-P1-rule-revenu-quebec-attestation@client-management",
                "requirement-P1-R1@client-management"), uids);
        assertEquals(LocalDate.of(2027, 1, 1), events.get(3).date(), "the default reminder: 30 days before the expiry");
        assertEquals(LocalDate.of(2026, 12, 13), events.get(4).date(), "the rule's attestation, by the deadline");
        String feed = ICalendar.render("x", "en", events, AT);
        assertFalse(feed.contains("1234567") || feed.contains("1 234 567"), "never a budget");
        // closed: its reminders do not fire, so they are not in the calendar
        Project closed = project.withAdminInfo(new AdminInfo(info.clientCompanyName(), info.submissionDeadline(), info.startDate(),
                null, ProjectState.CLOSED, info.estimatedBudget(), ClientType.PUBLIC));
        assertFalse(ProjectCalendar.events(closed, List.of(insurance), requirements, schedule, LocalDate.of(2026, 12, 3),
                (key, args) -> key).stream().anyMatch(e -> e.uid().startsWith("reminder-")));
    }

    @Test
    void aRemindersNextOccurrenceIsTodayOrAfter() {
        Reminder weekly = new Reminder(LocalDate.of(2026, 12, 31), null, 14, 7);
        assertEquals(LocalDate.of(2026, 12, 17), weekly.nextOnOrAfter(LocalDate.of(2026, 12, 1)).orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 17), weekly.nextOnOrAfter(LocalDate.of(2026, 12, 17)).orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 24), weekly.nextOnOrAfter(LocalDate.of(2026, 12, 18)).orElseThrow());
        assertTrue(Reminder.once(LocalDate.of(2026, 12, 1), null).nextOnOrAfter(LocalDate.of(2026, 12, 2)).isEmpty());
    }

    @Test
    void aSecretIs256RandomBitsAndOnlyItsHashIsKept() {
        String secret = CalendarSecret.generate();
        assertTrue(CalendarSecret.isWellFormed(secret), secret);
        assertFalse(secret.equals(CalendarSecret.generate()));
        assertEquals(64, CalendarSecret.hash(secret).length());
        assertFalse(CalendarSecret.isWellFormed(secret + "x"));
        assertFalse(CalendarSecret.isWellFormed("../" + secret.substring(3)));
    }
}
