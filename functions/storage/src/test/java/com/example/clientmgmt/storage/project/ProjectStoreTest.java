package com.example.clientmgmt.storage.project;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.AdminInfoPatch;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Money;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.storage.StorageFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projects against the emulator: the item round trip, the reads, and the admin-info write with its conditions. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ProjectStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();

    ProjectStore projects() {
        return db.bean(ProjectStore.class);
    }

    @Test
    void aCreatedProjectReadsBackWithItsCreatorAsMemberInOneRequest() {
        Project p = project("org-a", Map.of("owner", Permission.ADMIN));
        projects().create(p);
        List<String> operations = db.operationsOf(() -> assertEquals(p, projects().find("org-a", p.id()).orElseThrow()));
        assertEquals(List.of("GetItem"), operations);
        assertTrue(db.bean(MembershipStore.class).isAdminOfAnyProject(caller("owner", "org-a")));
    }

    @Test
    void creatingAnExistingProjectIsRefused() {
        Project p = project("org-a", Map.of("owner", Permission.ADMIN));
        projects().create(p);
        assertThrows(TransactionCanceledException.class, () -> projects().create(p));
    }

    @Test
    void unknownIllFormedAndOtherOrganizationsProjectsAreNotFound() {
        Project p = project("org-a", Map.of("owner", Permission.ADMIN));
        projects().create(p);
        assertTrue(projects().find("org-b", p.id()).isEmpty());
        assertTrue(projects().find("org-a", "01ARZ3NDEKTSV4RRFFQ69G5FAV").isEmpty());
        assertEquals(List.of(), db.operationsOf(() -> assertTrue(projects().find("org-a", "../x").isEmpty())));
    }

    @Test
    void findAllReadsProjectsOfSeveralOrganizationsByReference() {
        Project a = project("org-a", Map.of("owner", Permission.ADMIN));
        Project b = project("org-b", Map.of("owner", Permission.ADMIN));
        projects().create(a);
        projects().create(b);
        ProjectRef missing = new ProjectRef("org-a", "01ARZ3NDEKTSV4RRFFQ69G5FAV");
        Map<ProjectRef, Project> found = projects().findAll(Set.of(ProjectRef.of(a), ProjectRef.of(b), missing));
        assertEquals(Map.of(ProjectRef.of(a), a, ProjectRef.of(b), b), found);
    }

    @Test
    void anAdminInfoUpdateWritesOnlyTheChangedFieldsAndTheirHistoryInOrder() {
        Project p = project("org-a", Map.of("owner", Permission.ADMIN));
        projects().create(p);
        AdminInfo.Update update = p.adminInfo().apply(new AdminInfoPatch(Change.set("Ville de Laval"), Change.keep(),
                Change.set(LocalDate.of(2027, 1, 1)), Change.keep(), Change.set(ProjectState.ON_HOLD),
                Change.set(new Money(new BigDecimal("1234.50"), "CAD"))));
        List<String> operations = db.operationsOf(() -> projects().updateAdminInfo(p, caller("owner", "org-a"), update, NOW));
        assertEquals(List.of("TransactWriteItems"), operations);
        Project after = projects().find("org-a", p.id()).orElseThrow();
        assertEquals(update.after(), after.adminInfo());
        assertEquals(2, after.version());
        List<HistoryEntry> history = db.bean(HistoryLog.class).page("org-a", p.id(), null, 10).page().items();
        assertEquals(List.of("clientCompanyName", "startDate", "state", "estimatedBudget"),
                history.stream().map(HistoryEntry::field).toList());
        assertEquals(Map.of("amount", "1234.50", "currency", "CAD"), history.get(3).to());
        assertNull(history.get(0).from());
        assertEquals("ACTIVE", history.get(2).from());

        // clearing a field removes its attribute
        AdminInfo.Update clear = after.adminInfo().apply(new AdminInfoPatch(Change.clear(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.clear()));
        projects().updateAdminInfo(after, caller("owner", "org-a"), clear, NOW);
        Map<String, ?> raw = db.rawItem(ProjectItem.key("org-a", p.id()));
        assertFalse(raw.containsKey("clientCompanyName"));
        assertFalse(raw.containsKey("estimatedBudget"));
    }

    @Test
    void anAdminInfoUpdateFromAStaleVersionOrByANonAdminChangesNothing() {
        Project p = project("org-a", Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        projects().create(p);
        AdminInfo.Update update = p.adminInfo().apply(new AdminInfoPatch(Change.set("A"), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep()));
        projects().updateAdminInfo(p, caller("owner", "org-a"), update, NOW);
        assertThrows(ProjectStore.StaleVersion.class, () -> projects().updateAdminInfo(p, caller("owner", "org-a"), update, NOW));
        Project now = projects().find("org-a", p.id()).orElseThrow();
        assertThrows(ProjectStore.StaleVersion.class, () -> projects().updateAdminInfo(now, caller("lea", "org-a"), update, NOW));
        assertEquals(2, projects().find("org-a", p.id()).orElseThrow().version());
        assertEquals(1, db.bean(HistoryLog.class).page("org-a", p.id(), null, 10).page().items().size());
    }
}
