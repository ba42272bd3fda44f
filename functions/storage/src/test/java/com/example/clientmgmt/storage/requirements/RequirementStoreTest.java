package com.example.clientmgmt.storage.requirements;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.AdminInfoPatch;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.NeededBy;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectRequirements;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementSource;
import com.example.clientmgmt.domain.RequirementTemplate;
import com.example.clientmgmt.storage.StorageFixture;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project's requirements and the organization's templates against the emulator: each write lands only on the version
 * read, guarded like every project write (ADMIN, open project), with its history in the same transaction.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class RequirementStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();
    static final String ORG = "org-req";
    static final Caller OWNER = caller("owner", ORG);
    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    RequirementStore store() {
        return db.bean(RequirementStore.class);
    }

    Project newProject() {
        Project p = project(ORG, Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        db.bean(ProjectStore.class).create(p);
        return p;
    }

    static List<Requirement> manual(DocumentKind... kinds) {
        return java.util.Arrays.stream(kinds).map(k -> new Requirement(null, k, null, NeededBy.DATE, LocalDate.of(2027, 1, 15), "note",
                RequirementSource.MANUAL, null)).toList();
    }

    @Test
    void aChangeLandsOnTheVersionReadWithItsHistoryAndAStaleOneLandsNothing() {
        Project p = newProject();
        RequirementStore.Loaded none = store().load(ORG, p.id());
        assertEquals(ProjectRequirements.NONE, none.requirements());
        assertEquals(p.id(), none.project().id());
        ProjectRequirements.Decision first = none.requirements().replaceManual(manual(DocumentKind.BID_BOND, DocumentKind.RBQ_LICENCE), NOW);
        store().write(OWNER, ProjectRef.of(p), first, NOW);
        ProjectRequirements stored = store().load(ORG, p.id()).requirements();
        assertEquals(first.after(), stored, "the codec keeps every field");

        // a second decision from the same read (another request that read version 0) is refused: nothing written
        ProjectRequirements.Decision stale = none.requirements().replaceManual(manual(DocumentKind.CCQ_STATEMENT), NOW);
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> store().write(OWNER, ProjectRef.of(p), stale, NOW.plusSeconds(1)));
        ProjectRequirements.Decision removal = stored.remove(stored.items().get(0).id());
        store().write(OWNER, ProjectRef.of(p), removal, NOW.plusSeconds(2));
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> store().write(OWNER, ProjectRef.of(p), removal, NOW.plusSeconds(3)));
        assertEquals(1, store().load(ORG, p.id()).requirements().items().size());
        long entries = db.bean(HistoryLog.class).page(ORG, p.id(), null, 50).page().items().stream()
                .filter(h -> h.field().startsWith("requirements.")).count();
        assertEquals(3, entries, "two added, one removed; the refused writes recorded nothing");
    }

    @Test
    void replacingAFullListByAsManyOthersFitsOneTransaction() {
        Project p = newProject();
        DocumentKind[] kinds = new DocumentKind[ProjectRequirements.MAX];
        java.util.Arrays.fill(kinds, DocumentKind.BOND);
        ProjectRequirements.Decision full = ProjectRequirements.NONE.replaceManual(manual(kinds), NOW);
        store().write(OWNER, ProjectRef.of(p), full, NOW);
        java.util.Arrays.fill(kinds, DocumentKind.RBQ_LICENCE);
        ProjectRequirements.Decision others = full.after().replaceManual(manual(kinds), NOW.plusSeconds(1));
        assertEquals(2 * ProjectRequirements.MAX, others.history().size(), "each removed and each added recorded");
        store().write(OWNER, ProjectRef.of(p), others, NOW.plusSeconds(1)); // guard + item + 80 entries: within DynamoDB's 100
        assertTrue(store().load(ORG, p.id()).requirements().items().stream().allMatch(r -> r.kind() == DocumentKind.RBQ_LICENCE));
    }

    @Test
    void onlyTheProjectsAdminWritesAndNeverOnAClosedProject() {
        Project p = newProject();
        ProjectRequirements.Decision d = ProjectRequirements.NONE.replaceManual(manual(DocumentKind.BID_BOND), NOW);
        refused(ProblemCode.FORBIDDEN, null, () -> store().write(caller("lea", ORG), ProjectRef.of(p), d, NOW));
        AdminInfo.Update close = p.adminInfo().apply(new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.set(ProjectState.CLOSED), Change.keep()));
        db.bean(ProjectStore.class).updateAdminInfo(p, OWNER, close, NOW);
        refused(ProblemCode.PROJECT_CLOSED, null, () -> store().write(OWNER, ProjectRef.of(p), d, NOW));
        assertEquals(ProjectRequirements.NONE, store().load(ORG, p.id()).requirements());
    }

    @Test
    void theTemplatesAreReplacedOnTheVersionReadAndReadBackAsWritten() {
        String org = "org-tpl-" + System.nanoTime();
        RequirementStore.Templates none = store().templates(org);
        assertEquals(0, none.version());
        List<RequirementTemplate> templates = RequirementTemplate.replace(none.templates(), List.of(
                new RequirementTemplate(null, "Appel d'offres municipal", manual(DocumentKind.BID_BOND, DocumentKind.PERFORMANCE_BOND))), NOW);
        store().replaceTemplates(org, templates, 0);
        RequirementStore.Templates stored = store().templates(org);
        assertEquals(templates, stored.templates());
        assertEquals(1, stored.version());
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> store().replaceTemplates(org, List.of(), 0));
        store().replaceTemplates(org, List.of(), 1);
        assertTrue(store().templates(org).templates().isEmpty());
        assertTrue(store().templates(ORG + "-other").templates().isEmpty(), "another organization's are not read");
    }
}
