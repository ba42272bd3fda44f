package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.MemberChange;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.storage.StorageFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memberships against the emulator: the guarded permission write, "my projects" by state and page, admin-anywhere. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class MembershipStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();

    MembershipStore memberships() {
        return db.bean(MembershipStore.class);
    }

    Project created(String org, Map<String, Permission> members) {
        Project p = project(org, members);
        db.bean(ProjectStore.class).create(p);
        return p;
    }

    private final java.util.concurrent.atomic.AtomicLong tick = new java.util.concurrent.atomic.AtomicLong();

    /** What the members route does: read the project, then change the permission as read (each change a millisecond later). */
    void set(Caller caller, String projectId, String userId, Permission permission) {
        Project project = db.bean(ProjectStore.class).find(caller.orgId(), projectId).orElse(null);
        memberships().setMember(caller, project, p -> MemberChange.of(p, caller, userId, permission), NOW.plusMillis(tick.incrementAndGet()));
    }

    @Test
    void aPermissionIsSetChangedAndRemovedInTheProjectAndTheMembershipTogether() {
        Project p = created("org-m1", Map.of("owner", Permission.ADMIN));
        Caller owner = caller("owner", "org-m1");
        assertEquals(List.of("GetItem", "TransactWriteItems"), db.operationsOf(() -> set(owner, p.id(), "lea", Permission.LIMITED)));
        assertEquals(Permission.LIMITED, db.bean(ProjectStore.class).find("org-m1", p.id()).orElseThrow().permissionOf("lea"));
        assertEquals(List.of(p.id()), ids(memberships().listForUser(caller("lea", "org-m1"), ProjectState.OPEN, null, 10)));
        set(owner, p.id(), "lea", Permission.ADMIN);
        assertTrue(memberships().isAdminOfAnyProject(caller("lea", "org-m1")));
        set(owner, p.id(), "lea", Permission.NONE);
        assertEquals(Permission.NONE, db.bean(ProjectStore.class).find("org-m1", p.id()).orElseThrow().permissionOf("lea"));
        assertEquals(List.of(), memberships().listForUser(caller("lea", "org-m1"), ProjectState.OPEN, null, 10).items());
        assertFalse(memberships().isAdminOfAnyProject(caller("lea", "org-m1")));
    }

    /**
     * Two additions racing for the 200th place: the one decided on a stale read (199 members) is refused by the write's
     * own bound, re-decided on the item as stored, and answered 409 TOO_MANY_MEMBERS; the project keeps 200.
     */
    @Test
    void aMemberAddedFromAStaleReadBeyondTwoHundredIsRefusedByTheWrite() {
        Map<String, Permission> members = new java.util.HashMap<>(Map.of("owner", Permission.ADMIN));
        for (int i = 1; i < MemberChange.MAX_MEMBERS - 1; i++) {
            members.put("m" + i, Permission.LIMITED);
        }
        Project stale = project("org-m200", members);
        db.aws.dynamoDb().putItem(b -> b.tableName(db.table).item(ProjectItem.item(stale))); // 199 members, one item
        Caller owner = caller("owner", "org-m200");
        set(owner, stale.id(), "first", Permission.LIMITED);
        assertEquals(MemberChange.MAX_MEMBERS, db.bean(ProjectStore.class).find("org-m200", stale.id()).orElseThrow().members().size());
        refused(ProblemCode.CONFLICT, "TOO_MANY_MEMBERS", () -> memberships().setMember(owner, stale,
                p -> MemberChange.of(p, owner, "second", Permission.LIMITED), NOW.plusSeconds(5)));
        assertEquals(MemberChange.MAX_MEMBERS, db.bean(ProjectStore.class).find("org-m200", stale.id()).orElseThrow().members().size());
        set(owner, stale.id(), "m1", Permission.ADMIN); // a member already in may still be changed
    }

    @Test
    void theGuardRefusesNonAdminsClosedAndMissingProjectsWithTheirReason() {
        Project p = created("org-m", Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        refused(ProblemCode.FORBIDDEN, null, () -> set(caller("lea", "org-m"), p.id(), "x", Permission.ADMIN));
        refused(ProblemCode.NOT_FOUND, null, () -> set(caller("owner", "org-m"), Ids.newId(NOW), "x", Permission.ADMIN));
        refused(ProblemCode.NOT_FOUND, null, () -> set(caller("owner", "org-other"), p.id(), "x", Permission.ADMIN));
        refused(ProblemCode.NOT_FOUND, null, () -> set(caller("owner", "org-m"), "not-an-id", "x", Permission.ADMIN));
        Project closed = created("org-m", Map.of("owner", Permission.ADMIN));
        db.close(closed, caller("owner", "org-m"));
        refused(ProblemCode.PROJECT_CLOSED, null, () -> set(caller("owner", "org-m"), closed.id(), "x", Permission.ADMIN));
    }

    @Test
    void theLastAdminMemberCannotBeRemovedOrDowngradedByAnyoneButMayChangeOnceAnotherIsAdmin() {
        Project p = created("org-last", Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        Caller owner = caller("owner", "org-last");
        Caller orgAdmin = new Caller("boss", "org-last", true);
        refused(ProblemCode.LAST_ADMIN, null, () -> set(owner, p.id(), "owner", Permission.LIMITED));
        refused(ProblemCode.LAST_ADMIN, null, () -> set(owner, p.id(), "owner", Permission.NONE));
        refused(ProblemCode.LAST_ADMIN, null, () -> set(orgAdmin, p.id(), "owner", Permission.NONE));
        set(orgAdmin, p.id(), "lea", Permission.ADMIN); // an organization admin who is not a member acts as ADMIN
        set(owner, p.id(), "owner", Permission.LIMITED); // now owner may step down
        Project after = db.bean(ProjectStore.class).find("org-last", p.id()).orElseThrow();
        assertEquals(Map.of("owner", Permission.LIMITED, "lea", Permission.ADMIN), after.members());
        refused(ProblemCode.FORBIDDEN, null, () -> set(owner, p.id(), "lea", Permission.NONE));
        refused(ProblemCode.LAST_ADMIN, null, () -> set(caller("lea", "org-last"), p.id(), "lea", Permission.NONE));
        List<String> history = db.bean(HistoryLog.class).page("org-last", p.id(), null, 10).page().items().stream()
                .map(h -> h.by() + ":" + h.field() + ":" + h.from() + "->" + h.to()).toList();
        assertEquals(List.of("owner:members.owner:ADMIN->LIMITED", "boss:members.lea:LIMITED->ADMIN"), history);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceNeverLeaveTheProjectWithoutAnAdmin() throws Exception {
        for (int round = 0; round < 100; round++) {
            Project p = created("org-race", Map.of("a", Permission.ADMIN, "b", Permission.ADMIN));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (String[] who : new String[][]{{"a", "b"}, {"b", "a"}}) {
                outcomes.add(pool.submit(() -> {
                    try {
                        set(caller(who[0], "org-race"), p.id(), who[1], Permission.LIMITED);
                        return "ok";
                    } catch (com.example.clientmgmt.domain.ProblemException e) {
                        return e.code().name();
                    }
                }));
            }
            List<String> seen = new ArrayList<>();
            for (var f : outcomes) {
                seen.add(f.get());
            }
            pool.shutdown();
            Project after = db.bean(ProjectStore.class).find("org-race", p.id()).orElseThrow();
            long admins = after.members().values().stream().filter(x -> x == Permission.ADMIN).count();
            assertEquals(1, admins, "round " + round + ": " + seen + " " + after.members());
            assertTrue(seen.contains("ok"), "round " + round + ": " + seen);
        }
    }

    @Test
    void myProjectsComeNewestFirstFilteredByStateAcrossPages() {
        Caller boss = caller("boss", "org-list");
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = NOW.plusSeconds(i);
            ProjectState state = i % 2 == 0 ? ProjectState.ACTIVE : ProjectState.CLOSED;
            Project p = new Project("org-list", Ids.newId(at), "P" + i, new AdminInfo(null, null, null, null, state, null), 1,
                    Map.of("boss", Permission.ADMIN), Map.of(), at, "boss");
            db.bean(ProjectStore.class).create(p);
            if (state == ProjectState.ACTIVE) {
                open.add(0, p.id());
            }
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Project> page = memberships().listForUser(boss, ProjectState.OPEN, cursor, 2);
            assertTrue(page.items().size() <= 2);
            seen.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(open, seen);
        assertEquals(7, memberships().listForUser(boss, EnumSet.allOf(ProjectState.class), null, 100).items().size());
        Page<Project> none = memberships().listForUser(caller("nobody", "org-list"), ProjectState.OPEN, null, 10);
        assertEquals(List.of(), none.items());
        assertNull(none.nextCursor());
        refused(ProblemCode.VALIDATION_FAILED, null, () -> memberships().listForUser(boss, Set.of(ProjectState.ACTIVE), "%%%", 10));
    }

    private static List<String> ids(Page<Project> page) {
        return page.items().stream().map(Project::id).toList();
    }
}
