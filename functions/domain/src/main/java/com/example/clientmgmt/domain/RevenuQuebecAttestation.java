package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The Revenu Québec attestation a contractor must hold for a public body's contract of 25,000 $ or more (public-contract
 * regulations, art. 37.3): valid until the end of the third month that follows the month it was issued in — issued
 * 2026-03-15, valid through 2026-06-30; issued 2026-11-30, through 2027-02-28 — and of no use for a bid if issued after
 * the submission deadline. Its expiry is computed, never typed.
 */
public final class RevenuQuebecAttestation {
    /** The months of validity after the month of issue. */
    public static final int MONTHS_AFTER_ISSUE = 3;

    private RevenuQuebecAttestation() {}

    /** The last day an attestation issued on {@code issuedOn} is valid. */
    public static LocalDate validThrough(LocalDate issuedOn) {
        return issuedOn.plusMonths(MONTHS_AFTER_ISSUE).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** Whether it may back a bid whose submission deadline is {@code deadline}: issued on or before it. */
    public static boolean issuedInTime(LocalDate issuedOn, LocalDate deadline) {
        return !issuedOn.isAfter(deadline);
    }
}
