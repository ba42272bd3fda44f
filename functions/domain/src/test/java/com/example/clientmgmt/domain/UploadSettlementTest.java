package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settling an upload, decided as a value: AVAILABLE or REJECTED, and the renewal an AVAILABLE one may be. */
class UploadSettlementTest {
    static final UploadPolicy POLICY = new UploadPolicy(1_000_000, Set.of("application/pdf"));
    static final FileVersion PENDING = DocumentDeclarationTest.PENDING; // 10 bytes of application/pdf declared
    static final Project PROJECT = new Project("o", "P", "Tour Sud", new AdminInfo(null, null, null, null, ProjectState.ACTIVE, null), 1,
            Map.of("zoe", Permission.ADMIN, "adam", Permission.ADMIN, "lea", Permission.LIMITED), Map.of(), Instant.EPOCH, "zoe");

    static AdminDocument insurance(LocalDate expiresOn, Reminder.Resolution resolution) {
        return new AdminDocument("o", "P", "D", "Police", DocumentKind.INSURANCE, expiresOn, null, resolution, Instant.EPOCH, "u", List.of(PENDING));
    }

    @Test
    void whatWasDeclaredIsAvailableAnythingElseRejectedAndWhy() {
        AdminDocument d = insurance(null, null);
        assertEquals(FileVersion.Status.AVAILABLE, UploadSettlement.of(POLICY, DocumentEditTest.TORONTO, d, PENDING, 10, "application/pdf").outcome());
        UploadSettlement bigger = UploadSettlement.of(POLICY, DocumentEditTest.TORONTO, d, PENDING, 11, "application/pdf");
        assertEquals(new UploadSettlement("V1", FileVersion.Status.REJECTED, "SIZE_MISMATCH", null), bigger);
        assertFalse(bigger.mayRenew(), "a rejected file renews nothing");
    }

    @Test
    void anAvailableVersionOfADocumentWhoseReminderIsArmedMayRenewItTellingTheProjectsAdminsNow() {
        AdminDocument armed = insurance(LocalDate.of(2027, 4, 1), null);
        UploadSettlement s = UploadSettlement.of(POLICY, DocumentEditTest.TORONTO, armed, PENDING, 10, "application/pdf");
        assertTrue(s.mayRenew());
        assertEquals(Optional.of(new UploadSettlement.Renewal("Construction Démo", "Tour Sud", List.of("adam", "zoe"),
                new Reminder(LocalDate.of(2027, 4, 1), null, 30, 7))), s.renewal(PROJECT, "Construction Démo"),
                "the default reminder; ADMIN members in id order, not LIMITED ones");
        assertEquals(Optional.empty(), s.renewal(null, "Construction Démo"), "the project is gone: nobody to tell, nothing to renew");
    }

    @Test
    void withoutAnArmedReminderThereIsNothingToRenew() {
        assertFalse(UploadSettlement.of(POLICY, DocumentEditTest.TORONTO, insurance(null, null), PENDING, 10, "application/pdf").mayRenew(),
                "no expiry, no reminder");
        UploadSettlement resolved = UploadSettlement.of(POLICY, DocumentEditTest.TORONTO,
                insurance(LocalDate.of(2027, 4, 1), Reminder.Resolution.RESOLVED), PENDING, 10, "application/pdf");
        assertFalse(resolved.mayRenew());
        assertEquals(Optional.empty(), resolved.renewal(PROJECT, "x"));
    }

    @Test
    void onAClosedProjectTheFileIsKeptRenewsNothingAndTheHistorySaysSo() {
        AdminDocument armed = insurance(LocalDate.of(2027, 4, 1), null);
        UploadSettlement s = UploadSettlement.of(POLICY, DocumentEditTest.TORONTO, armed, PENDING, 10, "application/pdf");
        Project closed = new Project("o", "P", "Tour Sud", new AdminInfo(null, null, null, null, ProjectState.CLOSED, null), 2,
                PROJECT.members(), Map.of(), Instant.EPOCH, "zoe");
        assertEquals(FileVersion.Status.AVAILABLE, s.outcome(), "declared while open: kept");
        assertEquals(UploadSettlement.Landing.CLOSED, s.landing(closed, () -> "Construction Démo"));
        assertEquals(Optional.empty(), s.renewal(closed, "Construction Démo"), "no action is added to a closed project");
        assertEquals(List.of(new FieldChange("adminDocuments.D.versions.V1.keptOnClosedProject", null, true)),
                s.landing(closed, () -> "x").historyLines(armed, "V1"));
        UploadSettlement.Landing open = s.landing(PROJECT, () -> "Construction Démo");
        assertFalse(open.projectClosed());
        assertEquals(s.renewal(PROJECT, "Construction Démo"), open.renewal());
        assertEquals(List.of(), open.historyLines(armed, "V1"), "an open project's landing adds no line");
        assertEquals(UploadSettlement.Landing.OPEN, s.landing(null, () -> { throw new AssertionError("no renewal, no name"); }), "the project is gone: open, nobody to tell");
    }
}
