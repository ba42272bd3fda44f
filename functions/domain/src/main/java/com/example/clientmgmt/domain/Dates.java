package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates the API accepts: every date between 1900 and 2100 (a year 0001 is a typing mistake, and would fire a
 * reminder on any sweep), and a reminder date at most a year before today (one further back would only fire at once).
 */
public final class Dates {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Dates() {}

    /** The refusal of {@code date} as {@code field}, if it is outside {@link #EARLIEST}–{@link #LATEST}. */
    public static Optional<FieldError> outOfRange(String field, LocalDate date) {
        return date.isBefore(EARLIEST) || date.isAfter(LATEST)
                ? Optional.of(FieldError.of(field, "DATE_OUT_OF_RANGE", EARLIEST.toString(), LATEST.toString()))
                : Optional.empty();
    }

    /** The refusal of a reminder date more than a year before {@code today}. */
    public static Optional<FieldError> reminderTooOld(String field, LocalDate date, LocalDate today) {
        LocalDate floor = today.minusYears(1);
        return date.isBefore(floor) ? Optional.of(FieldError.of(field, "REMINDER_DATE_TOO_OLD", floor.toString())) : Optional.empty();
    }
}
