package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
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

    @Test
    void aPermissionIsSetChangedAndRemovedInTheProjectAndTheMembershipTogether() {
        Project p = created("org-m1", Map.of("owner", Permission.ADMIN));
        Caller owner = caller("owner", "org-m1");
        assertEquals(List.of("TransactWriteItems"), db.operationsOf(() -> memberships().setMember(owner, p.id(), "lea", Permission.LIMITED)));
        assertEquals(Permission.LIMITED, db.bean(ProjectStore.class).find("org-m1", p.id()).orElseThrow().permissionOf("lea"));
        assertEquals(List.of(p.id()), ids(memberships().listForUser(caller("lea", "org-m1"), ProjectState.OPEN, null, 10)));
        memberships().setMember(owner, p.id(), "lea", Permission.ADMIN);
        assertTrue(memberships().isAdminOfAnyProject(caller("lea", "org-m1")));
        memberships().setMember(owner, p.id(), "lea", Permission.NONE);
        assertEquals(Permission.NONE, db.bean(ProjectStore.class).find("org-m1", p.id()).orElseThrow().permissionOf("lea"));
        assertEquals(List.of(), memberships().listForUser(caller("lea", "org-m1"), ProjectState.OPEN, null, 10).items());
        assertFalse(memberships().isAdminOfAnyProject(caller("lea", "org-m1")));
    }

    @Test
    void theGuardRefusesNonAdminsClosedAndMissingProjectsWithTheirReason() {
        Project p = created("org-m", Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        refused(ProblemCode.FORBIDDEN, null, () -> memberships().setMember(caller("lea", "org-m"), p.id(), "x", Permission.ADMIN));
        refused(ProblemCode.NOT_FOUND, null, () -> memberships().setMember(caller("owner", "org-m"), Ids.newId(NOW), "x", Permission.ADMIN));
        refused(ProblemCode.NOT_FOUND, null, () -> memberships().setMember(caller("owner", "org-other"), p.id(), "x", Permission.ADMIN));
        refused(ProblemCode.NOT_FOUND, null, () -> memberships().setMember(caller("owner", "org-m"), "not-an-id", "x", Permission.ADMIN));
        Project closed = created("org-m", Map.of("owner", Permission.ADMIN));
        db.close(closed, caller("owner", "org-m"));
        refused(ProblemCode.PROJECT_CLOSED, null, () -> memberships().setMember(caller("owner", "org-m"), closed.id(), "x", Permission.ADMIN));
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
