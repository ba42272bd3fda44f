package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminInfoTest {
    static final Money BUDGET = new Money(new BigDecimal("1500000.00"), "CAD");
    static final AdminInfo INFO = new AdminInfo("Béton Inc.", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 12, 1), ProjectState.BIDDING, BUDGET);

    static AdminInfoPatch patch(Change<String> client, Change<LocalDate> start, Change<LocalDate> end, Change<Money> budget) {
        return new AdminInfoPatch(client, Change.keep(), start, end, Change.keep(), budget);
    }

    @Test
    void aPartialUpdateChangesOnlyTheFieldsSent() {
        var update = INFO.apply(patch(Change.set("Acier Ltée"), Change.keep(), Change.keep(), Change.keep()));
        assertEquals("Acier Ltée", update.after().clientCompanyName());
        assertEquals(INFO.startDate(), update.after().startDate());
        assertEquals(BUDGET, update.after().estimatedBudget());
        assertEquals(List.of(new FieldChange("clientCompanyName", "Béton Inc.", "Acier Ltée")), update.changes());
    }

    @Test
    void theClientTypeIsPrivateUnlessSaidAndClearingItMakesItPrivateAgain() {
        assertEquals(ClientType.PRIVATE, INFO.clientType());
        AdminInfoPatch toPublic = new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.set(ClientType.PUBLIC));
        var update = INFO.apply(toPublic);
        assertEquals(ClientType.PUBLIC, update.after().clientType());
        assertEquals(List.of(new FieldChange("clientType", ClientType.PRIVATE, ClientType.PUBLIC)), update.changes());
        assertEquals(ClientType.PUBLIC, update.after().visibleTo(Permission.LIMITED).clientType(), "LIMITED sees who the client is");
        var cleared = update.after().apply(new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.clear()));
        assertEquals(ClientType.PRIVATE, cleared.after().clientType());
    }

    @Test
    void clearingAFieldIsAChangeToEmpty() {
        var update = INFO.apply(patch(Change.keep(), Change.keep(), Change.keep(), Change.clear()));
        assertNull(update.after().estimatedBudget());
        assertEquals(List.of(new FieldChange("estimatedBudget", BUDGET, null)), update.changes());
    }

    @Test
    void settingTheSameValueChangesNothing() {
        var update = INFO.apply(patch(Change.set("Béton Inc."), Change.set(INFO.startDate()), Change.keep(), Change.keep()));
        assertTrue(update.changes().isEmpty());
    }

    @Test
    void startMustNotBeAfterEndAfterMerging() {
        var e = assertThrows(ProblemException.class,
                () -> INFO.apply(patch(Change.keep(), Change.set(LocalDate.of(2027, 1, 1)), Change.keep(), Change.keep())));
        assertEquals(ProblemCode.VALIDATION_FAILED, e.code());
        assertEquals("startDate", e.fieldErrors().get(0).field());
        assertEquals("START_AFTER_END", e.fieldErrors().get(0).reason());
        var sameDay = INFO.apply(patch(Change.keep(), Change.set(INFO.endDate()), Change.keep(), Change.keep()));
        assertEquals(INFO.endDate(), sameDay.after().startDate());
    }

    @Test
    void limitedHasItsOwnVersionWhichABudgetChangeDoesNotMove() {
        Project p = new Project("o", "P", "Tour", INFO, 4, java.util.Map.of(), java.util.Map.of(), java.time.Instant.EPOCH, "u");
        assertEquals(4, p.versionSeenBy(Permission.LIMITED), "a project never changed since shows the same version to all");
        Project budget = p.withAdminInfo(INFO.apply(patch(Change.keep(), Change.keep(), Change.keep(),
                Change.set(new Money(new BigDecimal("2000000.00"), "CAD")))).after());
        assertEquals(5, budget.versionSeenBy(Permission.ADMIN));
        assertEquals(4, budget.versionSeenBy(Permission.LIMITED), "nothing LIMITED sees changed");
        Project cleared = budget.withAdminInfo(INFO.apply(patch(Change.keep(), Change.keep(), Change.keep(), Change.clear())).after());
        assertEquals(4, cleared.versionSeenBy(Permission.LIMITED), "clearing the budget neither");
        Project renamed = cleared.withAdminInfo(cleared.adminInfo().apply(patch(Change.set("Acier Ltée"), Change.keep(), Change.keep(), Change.keep())).after());
        assertEquals(7, renamed.versionSeenBy(Permission.ADMIN));
        assertEquals(7, renamed.versionSeenBy(Permission.LIMITED), "what LIMITED sees changed: their version catches up");
        Project closed = renamed.withAdminInfo(renamed.adminInfo().apply(new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.set(ProjectState.CLOSED), Change.set(BUDGET))).after());
        assertEquals(8, closed.versionSeenBy(Permission.LIMITED), "a state change with a budget change shows");
    }

    @Test
    void limitedNeverSeesTheBudget() {
        assertNull(INFO.visibleTo(Permission.LIMITED).estimatedBudget());
        assertEquals(BUDGET, INFO.visibleTo(Permission.ADMIN).estimatedBudget());
    }

    @Test
    void budgetsAreExactNonNegativeAndToTheCent() {
        assertEquals("123.45", Money.parse("b", "123.45", null).amountText());
        assertEquals("CAD", Money.parse("b", "1", null).currency());
        assertEquals("1.00", Money.parse("b", "1", "USD").amountText());
        assertEquals("0.10", Money.parse("b", "0.1", null).amountText());
        assertEquals("NEGATIVE", reason(() -> Money.parse("b", "-1", null)));
        assertEquals("MORE_THAN_CENTS", reason(() -> Money.parse("b", "1.001", null)));
        assertEquals("NOT_A_DECIMAL", reason(() -> Money.parse("b", "12,50", null)));
        assertEquals("UNKNOWN_CURRENCY", reason(() -> Money.parse("b", "1", "XYZ")));
        assertEquals("UNKNOWN_CURRENCY", reason(() -> Money.parse("b", "1", "cad")));
        assertEquals("TOO_LARGE", reason(() -> Money.parse("b", "1000000000000000", null)));
        // openapi.yaml's amount pattern has no exponent, and the text's shape is now checked before any number is built
        assertEquals("NOT_A_DECIMAL", reason(() -> Money.parse("b", "1e15", null)));
        assertEquals("NOT_A_DECIMAL", reason(() -> Money.parse("b", "1E+3", null)));
    }

    static String reason(Runnable action) {
        return assertThrows(ProblemException.class, action::run).fieldErrors().get(0).reason();
    }

    /** A project's reminders leave the due index when it closes and come back when it reopens; other changes move none. */
    @Test
    void closingOrReopeningMovesTheProjectsRemindersOtherChangesDoNot() {
        AdminInfoPatch close = new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.set(ProjectState.CLOSED), Change.keep());
        AdminInfo.Update closing = INFO.apply(close);
        assertEquals(java.util.Optional.of(AdminInfo.ReminderMove.OUT_OF_THE_DUE_INDEX), closing.reminderMove());
        AdminInfoPatch reopen = new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.set(ProjectState.ACTIVE), Change.keep());
        assertEquals(java.util.Optional.of(AdminInfo.ReminderMove.BACK_INTO_THE_DUE_INDEX), closing.after().apply(reopen).reminderMove());
        assertEquals(java.util.Optional.empty(), INFO.apply(reopen).reminderMove(), "BIDDING to ACTIVE: open either way");
        assertEquals(java.util.Optional.empty(), INFO.apply(patch(Change.set("Acier Ltée"), Change.keep(), Change.keep(), Change.keep())).reminderMove());
    }
}
