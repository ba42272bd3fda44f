package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A member change, decided as a value (no storage): who may, what it changes, which ADMIN must still be one. MembershipStoreTest writes them. */
class MemberChangeTest {
    static final Caller OWNER = new Caller("owner", "org1", false);
    static final Caller BOSS = new Caller("boss", "org1", true);

    static Project project(ProjectState state, Map<String, Permission> members) {
        return new Project("org1", "P", "Tower", new AdminInfo(null, null, null, null, state, null), 1, members, Map.of(),
                Instant.EPOCH, "owner");
    }

    static ProblemException refused(Project p, Caller caller, String user, Permission to) {
        return assertThrows(ProblemException.class, () -> MemberChange.of(p, caller, user, to));
    }

    @Test
    void aGrantChangesFromNoneAndNamesNoAdminToKeep() {
        Project p = project(ProjectState.ACTIVE, Map.of("owner", Permission.ADMIN));
        assertEquals(Optional.of(new MemberChange("org1", "P", "lea", Permission.NONE, Permission.LIMITED, null)),
                MemberChange.of(p, OWNER, "lea", Permission.LIMITED));
        assertEquals("members.lea", MemberChange.of(p, OWNER, "lea", Permission.LIMITED).orElseThrow().historyLine().field());
        assertEquals(Optional.empty(), MemberChange.of(p, OWNER, "owner", Permission.ADMIN), "already so: nothing to write");
    }

    @Test
    void anAdminLosingThePermissionNeedsAnotherAdminWhoMustStayOneUntilTheWriteLands() {
        Project two = project(ProjectState.ACTIVE, Map.of("owner", Permission.ADMIN, "adam", Permission.ADMIN, "zoe", Permission.ADMIN));
        assertEquals("owner", MemberChange.of(two, OWNER, "adam", Permission.LIMITED).orElseThrow().adminWhoMustStay(),
                "the first other ADMIN in id order");
        assertEquals("adam", MemberChange.of(two, BOSS, "owner", Permission.NONE).orElseThrow().adminWhoMustStay());
        Project one = project(ProjectState.ACTIVE, Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        assertEquals("LAST_ADMIN", refused(one, BOSS, "owner", Permission.LIMITED).messageKey());
        assertEquals("LAST_ADMIN", refused(one, BOSS, "owner", Permission.NONE).messageKey());
        assertEquals(null, MemberChange.of(one, OWNER, "lea", Permission.NONE).orElseThrow().adminWhoMustStay());
    }

    @Test
    void onlyAnAdminOrAnOrganizationAdminChangesMembersAndNotOnAClosedOrMissingProject() {
        Project p = project(ProjectState.ACTIVE, Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        assertEquals(ProblemCode.FORBIDDEN, refused(p, new Caller("lea", "org1", false), "nora", Permission.LIMITED).code());
        assertEquals(ProblemCode.FORBIDDEN, refused(p, new Caller("nora", "org1", false), "nora", Permission.ADMIN).code(), "no permission: 403");
        assertEquals(Permission.ADMIN, MemberChange.of(p, BOSS, "nora", Permission.ADMIN).orElseThrow().to(), "an organization admin, on no project");
        Project closed = project(ProjectState.CLOSED, Map.of("owner", Permission.ADMIN));
        assertEquals(ProblemCode.PROJECT_CLOSED, refused(closed, OWNER, "lea", Permission.LIMITED).code());
        assertEquals(ProblemCode.NOT_FOUND, refused(null, OWNER, "lea", Permission.LIMITED).code());
    }

    /** At most 200 members (the project's item must stay far below DynamoDB's 400 KB); changing one already in is fine. */
    @Test
    void aTwoHundredAndFirstMemberIsRefusedAndTheWriteHoldsTheBoundToo() {
        Map<String, Permission> members = new java.util.HashMap<>(Map.of("owner", Permission.ADMIN));
        for (int i = 1; i < MemberChange.MAX_MEMBERS - 1; i++) {
            members.put("m" + i, Permission.LIMITED);
        }
        Project p199 = project(ProjectState.ACTIVE, members);
        MemberChange last = MemberChange.of(p199, OWNER, "new", Permission.LIMITED).orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(last.adds(), "an addition: the write requires fewer than 200 as stored");
        members.put("new", Permission.LIMITED);
        Project p200 = project(ProjectState.ACTIVE, members);
        ProblemException full = assertThrows(ProblemException.class, () -> MemberChange.of(p200, BOSS, "one-more", Permission.ADMIN));
        assertEquals(ProblemCode.CONFLICT, full.code());
        assertEquals("TOO_MANY_MEMBERS", full.messageKey());
        assertEquals(java.util.List.of(200), full.args());
        MemberChange promotion = MemberChange.of(p200, OWNER, "m1", Permission.ADMIN).orElseThrow();
        org.junit.jupiter.api.Assertions.assertFalse(promotion.adds(), "a member already in: no bound");
        org.junit.jupiter.api.Assertions.assertFalse(MemberChange.of(p200, OWNER, "m2", Permission.NONE).orElseThrow().adds());
    }
}
