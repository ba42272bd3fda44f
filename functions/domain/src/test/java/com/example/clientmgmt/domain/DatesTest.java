package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dates the API accepts: 1900–2100, and reminder dates not more than a year back. */
class DatesTest {
    @Test
    void everyDateIsBetween1900And2100() {
        assertEquals(Optional.empty(), Dates.outOfRange("d", LocalDate.of(1900, 1, 1)));
        assertEquals(Optional.empty(), Dates.outOfRange("d", LocalDate.of(2100, 12, 31)));
        assertEquals(Optional.of(FieldError.of("startDate", "DATE_OUT_OF_RANGE", "1900-01-01", "2100-12-31")),
                Dates.outOfRange("startDate", LocalDate.of(1, 1, 1)));
        assertEquals("DATE_OUT_OF_RANGE", Dates.outOfRange("d", LocalDate.of(1899, 12, 31)).orElseThrow().reason());
        assertEquals("DATE_OUT_OF_RANGE", Dates.outOfRange("d", LocalDate.of(2101, 1, 1)).orElseThrow().reason());
    }

    @Test
    void aReminderDateIsAtMostAYearBack() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertEquals(Optional.empty(), Dates.reminderTooOld("reminderDate", LocalDate.of(2025, 12, 2), today), "a year back: still");
        assertEquals(Optional.of(FieldError.of("reminderDate", "REMINDER_DATE_TOO_OLD", "2025-12-02")),
                Dates.reminderTooOld("reminderDate", LocalDate.of(2025, 12, 1), today));
        assertEquals(Optional.empty(), Dates.reminderTooOld("reminderDate", LocalDate.of(2099, 1, 1), today));
    }
}
