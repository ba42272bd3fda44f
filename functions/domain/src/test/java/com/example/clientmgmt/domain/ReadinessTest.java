package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each requirement on its day: every status, the best document deciding, and what "ready" means. */
class ReadinessTest {
    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 13);
    static final AdminInfo PUBLIC_BID = new AdminInfo("Ville de Laval", DEADLINE, LocalDate.of(2027, 3, 1), null,
            ProjectState.BIDDING, new Money(new BigDecimal("40000"), "CAD"), ClientType.PUBLIC);
    static final Requirement ATTESTATION = PublicContractRule.requirement(PUBLIC_BID).orElseThrow();
    static final Requirement BOND_AT_START = new Requirement("r2", DocumentKind.PERFORMANCE_BOND, null, NeededBy.START, null, null,
            RequirementSource.MANUAL, null);
    static final Requirement LICENCE_AT_END = new Requirement("r3", DocumentKind.RBQ_LICENCE, "Licence RBQ", NeededBy.END, null,
            null, RequirementSource.MANUAL, null);

    static int n;

    static AdminDocument document(DocumentKind kind, LocalDate issuedOn, LocalDate expiresOn, FileVersion.Status status) {
        String id = Ids.newId(NOW.plusMillis(n++));
        FileVersion v = FileVersion.declared(id, "f.pdf", "application/pdf", 10, NOW.minusSeconds(60), "adam", NOW.plusSeconds(900));
        if (status != FileVersion.Status.PENDING_UPLOAD) {
            v = new FileVersion(v.id(), v.fileName(), v.contentType(), 10, status, 10L, "c", "v1", null, v.createdAt(), "adam",
                    NOW.minusSeconds(30), null);
        }
        return new AdminDocument("org", "p", id, "doc", kind, issuedOn, expiresOn, null, null, NOW, "adam", List.of(v));
    }

    static AdminDocument attestation(LocalDate issuedOn, FileVersion.Status status) {
        return document(DocumentKind.REVENU_QUEBEC_ATTESTATION, issuedOn, RevenuQuebecAttestation.validThrough(issuedOn), status);
    }

    static Readiness.Item only(Requirement r, AdminDocument... documents) {
        return Readiness.of(List.of(r), PUBLIC_BID, List.of(documents), NOW).items().get(0);
    }

    @Test
    void anAttestationIssuedYesterdayIsSatisfiedWithItsMarginAfterTheDeadline() {
        Readiness.Item item = only(ATTESTATION, attestation(LocalDate.of(2026, 12, 2), FileVersion.Status.AVAILABLE));
        assertEquals(Readiness.Status.SATISFIED, item.status());
        assertEquals(DEADLINE, item.at());
        assertEquals(108L, item.marginDays(), "valid through 2027-03-31: 108 days after 2026-12-13");
    }

    @Test
    void noDocumentOfTheKindIsMissingAndAnotherKindNeverSatisfiesIt() {
        assertEquals(Readiness.Status.MISSING, only(ATTESTATION).status());
        Readiness.Item item = only(ATTESTATION, document(DocumentKind.CNESST_CERTIFICATE, null, null, FileVersion.Status.AVAILABLE),
                document(DocumentKind.OTHER, null, null, FileVersion.Status.AVAILABLE));
        assertEquals(Readiness.Status.MISSING, item.status());
        assertNull(item.document());
        assertEquals(Readiness.Status.MISSING, only(ATTESTATION, attestation(LocalDate.of(2026, 12, 1), FileVersion.Status.REJECTED))
                .status(), "a refused file holds nothing");
    }

    @Test
    void anAttestationIssuedAfterTheDeadlineIsIssuedTooLate() {
        AdminInfo earlier = new AdminInfo("Ville de Laval", LocalDate.of(2026, 11, 30), null, null, ProjectState.BIDDING,
                new Money(new BigDecimal("40000"), "CAD"), ClientType.PUBLIC);
        Readiness.Item item = Readiness.of(List.of(ATTESTATION), earlier,
                List.of(attestation(LocalDate.of(2026, 12, 1), FileVersion.Status.AVAILABLE)), NOW).items().get(0);
        assertEquals(Readiness.Status.ISSUED_TOO_LATE, item.status());
        assertNull(item.marginDays());
        AdminInfo sameDay = new AdminInfo(null, LocalDate.of(2026, 12, 1), null, null, ProjectState.BIDDING, null, ClientType.PUBLIC);
        assertEquals(Readiness.Status.SATISFIED, Readiness.of(List.of(ATTESTATION), sameDay,
                List.of(attestation(LocalDate.of(2026, 12, 1), FileVersion.Status.AVAILABLE)), NOW).items().get(0).status(),
                "issued on the deadline itself is in time");
    }

    @Test
    void aDocumentThatLapsesBeforeTheDayExpiresBeforeAndTheLastDayOfValidityStillCounts() {
        AdminDocument bond = document(DocumentKind.PERFORMANCE_BOND, null, LocalDate.of(2027, 2, 28), FileVersion.Status.AVAILABLE);
        assertEquals(Readiness.Status.EXPIRES_BEFORE, only(BOND_AT_START, bond).status());
        AdminDocument throughStart = document(DocumentKind.PERFORMANCE_BOND, null, LocalDate.of(2027, 3, 1), FileVersion.Status.AVAILABLE);
        Readiness.Item item = only(BOND_AT_START, bond, throughStart);
        assertEquals(Readiness.Status.SATISFIED, item.status(), "the best document of the kind decides");
        assertSame(throughStart, item.document());
        assertEquals(0L, item.marginDays());
        Readiness.Item noExpiry = only(BOND_AT_START, document(DocumentKind.PERFORMANCE_BOND, null, null, FileVersion.Status.AVAILABLE));
        assertEquals(Readiness.Status.SATISFIED, noExpiry.status());
        assertNull(noExpiry.marginDays(), "no expiry: no margin to count");
    }

    @Test
    void aFileStillBeingUploadedIsPendingUploadUntilItsCheckAndExpiredDeclarationsHoldNothing() {
        AdminDocument pending = attestation(LocalDate.of(2026, 12, 2), FileVersion.Status.PENDING_UPLOAD);
        assertEquals(Readiness.Status.PENDING_UPLOAD, only(ATTESTATION, pending).status());
        assertEquals(Readiness.Status.MISSING, Readiness.of(List.of(ATTESTATION), PUBLIC_BID, List.of(pending),
                NOW.plusSeconds(3600)).items().get(0).status(), "an upload URL that lapsed unused holds nothing");
        // a renewal in flight on a document held before: its new dates wait for their file
        AdminDocument held = attestation(LocalDate.of(2026, 12, 2), FileVersion.Status.AVAILABLE);
        AdminDocument renewing = held.withNewVersion(FileVersion.declared(Ids.newIdAfter(held.versions().get(0).id(), NOW), "r.pdf",
                "application/pdf", 10, NOW, "adam", NOW.plusSeconds(900)));
        assertEquals(Readiness.Status.PENDING_UPLOAD, only(ATTESTATION, renewing).status());
        assertEquals(Readiness.Status.SATISFIED, only(ATTESTATION, renewing, held).status(), "another document of the kind suffices");
    }

    @Test
    void aProjectWithoutTheDateWaitsAndIsReadyWhenEveryDatedRequirementIsSatisfied() {
        List<AdminDocument> documents = new ArrayList<>(List.of(attestation(LocalDate.of(2026, 12, 2), FileVersion.Status.AVAILABLE),
                document(DocumentKind.PERFORMANCE_BOND, null, null, FileVersion.Status.AVAILABLE)));
        Readiness readiness = Readiness.of(List.of(ATTESTATION, BOND_AT_START, LICENCE_AT_END), PUBLIC_BID, documents, NOW);
        assertEquals(List.of(Readiness.Status.SATISFIED, Readiness.Status.SATISFIED, Readiness.Status.NO_DATE),
                readiness.items().stream().map(Readiness.Item::status).toList());
        assertNull(readiness.items().get(2).at());
        assertTrue(readiness.ready(), "the end date is not known yet: the licence waits for it");
        Requirement onItsOwnDate = new Requirement("r4", DocumentKind.CCQ_STATEMENT, null, NeededBy.DATE, LocalDate.of(2026, 12, 20),
                null, RequirementSource.MANUAL, null);
        Readiness notYet = Readiness.of(List.of(ATTESTATION, onItsOwnDate), PUBLIC_BID, documents, NOW);
        assertEquals(LocalDate.of(2026, 12, 20), notYet.items().get(1).at());
        assertFalse(notYet.ready());
        assertTrue(Readiness.of(List.of(), PUBLIC_BID, documents, NOW).ready(), "nothing required: ready");
    }
}
