package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A document's dates of issue and expiry, declared and edited, for every kind and for the Revenu Québec attestation. */
class DocumentDatesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final DocumentKind RQ = DocumentKind.REVENU_QUEBEC_ATTESTATION;

    static List<String> refusal(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        return e.fieldErrors().stream().map(f -> f.field() + ":" + f.reason()).toList();
    }

    @Test
    void anAttestationGetsItsExpiryFromItsDateOfIssue() {
        DocumentDates d = DocumentDates.apply(RQ, Change.set(LocalDate.of(2026, 11, 30)), Change.keep(), DocumentDates.NONE, TODAY);
        assertEquals(new DocumentDates(LocalDate.of(2026, 11, 30), LocalDate.of(2027, 2, 28)), d);
        DocumentDates renewed = DocumentDates.apply(RQ, Change.set(TODAY), Change.keep(), d, TODAY);
        assertEquals(LocalDate.of(2027, 3, 31), renewed.expiresOn(), "a new date of issue moves the computed expiry");
        assertEquals(d, DocumentDates.apply(RQ, Change.keep(), Change.keep(), d, TODAY), "an edit of something else keeps both");
    }

    @Test
    void anAttestationsExpiryIsNeverSentAndItsDateOfIssueIsNeeded() {
        assertEquals(List.of("expiresOn:EXPIRY_COMPUTED"), refusal(() -> DocumentDates.apply(RQ, Change.set(TODAY),
                Change.set(LocalDate.of(2027, 3, 31)), DocumentDates.NONE, TODAY)), "even the right date");
        assertEquals(List.of("expiresOn:EXPIRY_COMPUTED"), refusal(() -> DocumentDates.apply(RQ, Change.set(TODAY),
                Change.clear(), DocumentDates.NONE, TODAY)), "null is sending it too");
        assertEquals(List.of("issuedOn:ISSUE_DATE_REQUIRED"), refusal(() -> DocumentDates.apply(RQ, Change.keep(), Change.keep(),
                DocumentDates.NONE, TODAY)));
        DocumentDates other = new DocumentDates(null, LocalDate.of(2027, 1, 1));
        assertEquals(List.of("issuedOn:ISSUE_DATE_REQUIRED"), refusal(() -> DocumentDates.apply(RQ, Change.keep(), Change.keep(),
                other, TODAY)), "another kind turned into an attestation without its date of issue");
        assertEquals(List.of("issuedOn:ISSUE_DATE_REQUIRED"), refusal(() -> DocumentDates.apply(RQ, Change.clear(), Change.keep(),
                new DocumentDates(TODAY, LocalDate.of(2027, 3, 31)), TODAY)), "its date of issue removed");
        assertEquals(List.of("issuedOn:ISSUED_IN_THE_FUTURE", "expiresOn:EXPIRY_COMPUTED"), refusal(() -> DocumentDates.apply(RQ,
                Change.set(TODAY.plusDays(1)), Change.set(TODAY), DocumentDates.NONE, TODAY)), "every broken rule in one answer");
    }

    @Test
    void noKindIsIssuedInTheFutureOrExpiresBeforeItWasIssued() {
        for (DocumentKind kind : DocumentKind.values()) {
            assertEquals(List.of("issuedOn:ISSUED_IN_THE_FUTURE"), refusal(() -> DocumentDates.apply(kind, Change.set(TODAY.plusDays(1)),
                    Change.keep(), DocumentDates.NONE, TODAY)), kind.name());
        }
        assertEquals(List.of("expiresOn:EXPIRES_BEFORE_ISSUE"), refusal(() -> DocumentDates.apply(DocumentKind.INSURANCE,
                Change.set(TODAY), Change.set(TODAY.minusDays(1)), DocumentDates.NONE, TODAY)));
        assertEquals(List.of("expiresOn:EXPIRES_BEFORE_ISSUE"), refusal(() -> DocumentDates.apply(DocumentKind.INSURANCE,
                Change.keep(), Change.set(TODAY.minusDays(10)), new DocumentDates(TODAY.minusDays(5), null), TODAY)), "the stored issue");
        DocumentDates insurance = DocumentDates.apply(DocumentKind.INSURANCE, Change.set(TODAY), Change.set(TODAY), DocumentDates.NONE, TODAY);
        assertEquals(new DocumentDates(TODAY, TODAY), insurance, "issued today, expiring today: fine");
        assertEquals(new DocumentDates(null, LocalDate.of(2027, 6, 30)), DocumentDates.apply(DocumentKind.INSURANCE, Change.keep(),
                Change.set(LocalDate.of(2027, 6, 30)), DocumentDates.NONE, TODAY), "without a date of issue, as before");
    }
}
