package com.example.clientmgmt.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** The permission matrix and the closed-project rule, without AWS. */
class ProjectAccessTest {
    static final Caller ALICE = new Caller("alice", "org1", false);

    static Project project(ProjectState state, Permission alicePermission) {
        Map<String, Permission> members = alicePermission == Permission.NONE
                ? Map.of("owner", Permission.ADMIN)
                : Map.of("owner", Permission.ADMIN, "alice", alicePermission);
        return new Project("org1", "P", "Tower", new AdminInfo(null, null, null, null, state, null), 1,
                members, Map.of(), Instant.EPOCH, "owner");
    }

    static ProblemCode refusal(Runnable action) {
        return assertThrows(ProblemException.class, action::run).code();
    }

    @Test
    void aMissingProjectIsNotFoundWhateverTheCallerAsks() {
        assertEquals(ProblemCode.NOT_FOUND, refusal(() -> ProjectAccess.requireRead(null, ALICE)));
        assertEquals(ProblemCode.NOT_FOUND, refusal(() -> ProjectAccess.requireChange(null, ALICE)));
        assertEquals(ProblemCode.NOT_FOUND, refusal(() -> ProjectAccess.requireAdminRead(null, ALICE)));
    }

    @ParameterizedTest
    @EnumSource(ProjectState.class)
    void noneSeesNothingInAnyState(ProjectState state) {
        Project p = project(state, Permission.NONE);
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> ProjectAccess.requireRead(p, ALICE)));
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> ProjectAccess.requireChange(p, ALICE)));
    }

    @ParameterizedTest
    @EnumSource(ProjectState.class)
    void limitedReadsButNeverChangesNorSeesAdminOnlyLists(ProjectState state) {
        Project p = project(state, Permission.LIMITED);
        assertEquals(Permission.LIMITED, ProjectAccess.requireRead(p, ALICE));
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> ProjectAccess.requireAdminRead(p, ALICE)));
        // 403 before 409: a LIMITED member is refused for their level, closed or not
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> ProjectAccess.requireChange(p, ALICE)));
    }

    @ParameterizedTest
    @EnumSource(value = ProjectState.class, names = {"BIDDING", "ACTIVE", "ON_HOLD"})
    void adminChangesAnOpenProject(ProjectState state) {
        assertDoesNotThrow(() -> ProjectAccess.requireChange(project(state, Permission.ADMIN), ALICE));
    }

    @Test
    void closingKeepsReadAccessButRefusesEveryWrite() {
        Project closed = project(ProjectState.CLOSED, Permission.ADMIN);
        assertEquals(Permission.ADMIN, ProjectAccess.requireRead(closed, ALICE));
        assertDoesNotThrow(() -> ProjectAccess.requireAdminRead(closed, ALICE));
        assertEquals(ProblemCode.PROJECT_CLOSED, refusal(() -> ProjectAccess.requireChange(closed, ALICE)));
    }

    @Test
    void aClosedProjectAcceptsOnlyBeingReopened() {
        Project closed = project(ProjectState.CLOSED, Permission.ADMIN);
        AdminInfo info = closed.adminInfo();
        var reopen = info.apply(patch(Change.set(ProjectState.ACTIVE), Change.keep()));
        assertDoesNotThrow(() -> ProjectAccess.requireAdminInfoChange(closed, ALICE, reopen));

        var reopenAndEdit = info.apply(patch(Change.set(ProjectState.ACTIVE), Change.set(LocalDate.of(2027, 1, 1))));
        assertEquals(ProblemCode.PROJECT_CLOSED, refusal(() -> ProjectAccess.requireAdminInfoChange(closed, ALICE, reopenAndEdit)));

        var editOnly = info.apply(patch(Change.keep(), Change.set(LocalDate.of(2027, 1, 1))));
        assertEquals(ProblemCode.PROJECT_CLOSED, refusal(() -> ProjectAccess.requireAdminInfoChange(closed, ALICE, editOnly)));

        var stayClosed = info.apply(patch(Change.set(ProjectState.CLOSED), Change.keep()));
        assertEquals(ProblemCode.PROJECT_CLOSED, refusal(() -> ProjectAccess.requireAdminInfoChange(closed, ALICE, stayClosed)));
    }

    @Test
    void limitedCannotReopen() {
        Project closed = project(ProjectState.CLOSED, Permission.LIMITED);
        var reopen = closed.adminInfo().apply(patch(Change.set(ProjectState.ACTIVE), Change.keep()));
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> ProjectAccess.requireAdminInfoChange(closed, ALICE, reopen)));
    }

    @Test
    void onlyOrganizationAdminsCreateProjects() {
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> ProjectAccess.requireOrgAdmin(ALICE)));
        assertDoesNotThrow(() -> ProjectAccess.requireOrgAdmin(new Caller("boss", "org1", true)));
    }

    @Test
    void aCallerWithoutVerifiedIdentityIsUnauthenticated() {
        assertEquals(ProblemCode.UNAUTHENTICATED, refusal(() -> new Caller(null, "org1", false)));
        assertEquals(ProblemCode.UNAUTHENTICATED, refusal(() -> new Caller("alice", " ", false)));
    }

    static AdminInfoPatch patch(Change<ProjectState> state, Change<LocalDate> startDate) {
        return new AdminInfoPatch(Change.keep(), Change.keep(), startDate, Change.keep(), state, Change.keep());
    }
}
