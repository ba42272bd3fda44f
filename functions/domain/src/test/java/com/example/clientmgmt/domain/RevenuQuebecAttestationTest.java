package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attestation's validity, from the regulation's examples to the month ends, leap years and December. */
class RevenuQuebecAttestationTest {
    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void validUntilTheEndOfTheThirdMonthAfterTheMonthOfIssue() {
        assertEquals(d("2026-06-30"), RevenuQuebecAttestation.validThrough(d("2026-03-15")), "the regulation's example");
        assertEquals(d("2026-06-30"), RevenuQuebecAttestation.validThrough(d("2026-03-01")), "any day of the month: the same end");
        assertEquals(d("2026-06-30"), RevenuQuebecAttestation.validThrough(d("2026-03-31")));
        assertEquals(d("2027-02-28"), RevenuQuebecAttestation.validThrough(d("2026-11-30")), "into a short February");
    }

    @Test
    void leapYearsAndTheTurnOfTheYear() {
        assertEquals(d("2028-02-29"), RevenuQuebecAttestation.validThrough(d("2027-11-15")), "February of a leap year");
        assertEquals(d("2100-02-28"), RevenuQuebecAttestation.validThrough(d("2099-11-30")), "2100 is not a leap year");
        assertEquals(d("2000-02-29"), RevenuQuebecAttestation.validThrough(d("1999-11-01")), "2000 is");
        assertEquals(d("2027-03-31"), RevenuQuebecAttestation.validThrough(d("2026-12-01")), "December: into next year");
        assertEquals(d("2027-03-31"), RevenuQuebecAttestation.validThrough(d("2026-12-31")));
        assertEquals(d("2027-01-31"), RevenuQuebecAttestation.validThrough(d("2026-10-31")), "October: a 31-day January");
        assertEquals(d("2026-04-30"), RevenuQuebecAttestation.validThrough(d("2026-01-31")), "a 30-day April from a 31st");
    }

    @Test
    void everyDayOfSeveralYearsEndsOnAMonthEndThreeMonthsOn() {
        for (LocalDate day = d("2026-01-01"); day.isBefore(d("2030-01-01")); day = day.plusDays(1)) {
            LocalDate end = RevenuQuebecAttestation.validThrough(day);
            assertEquals(end.lengthOfMonth(), end.getDayOfMonth(), day.toString());
            assertEquals(3, (end.getYear() - day.getYear()) * 12 + end.getMonthValue() - day.getMonthValue(), day.toString());
        }
    }

    @Test
    void anAttestationIssuedAfterTheDeadlineCannotBackTheBid() {
        assertTrue(RevenuQuebecAttestation.issuedInTime(d("2026-12-01"), d("2026-12-10")));
        assertTrue(RevenuQuebecAttestation.issuedInTime(d("2026-12-10"), d("2026-12-10")), "issued on the deadline: in time");
        assertFalse(RevenuQuebecAttestation.issuedInTime(d("2026-12-11"), d("2026-12-10")));
    }
}
