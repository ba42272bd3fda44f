package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ContactChange;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.storage.StorageFixture;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.person;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Client contacts against the emulator: both sides written together, and every refusal with its reason. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ClientContactStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();
    static final String ORG = "org-c";
    static final Caller OWNER = caller("owner", ORG);

    ClientContactStore contacts() {
        return db.bean(ClientContactStore.class);
    }

    Project newProject() {
        Project p = project(ORG, Map.of("owner", Permission.ADMIN, "lea", Permission.LIMITED));
        db.bean(ProjectStore.class).create(p);
        return p;
    }

    Person newPerson(String name, Licence licence) {
        Person p = person(ORG, name, licence);
        db.bean(DirectoryStore.class).add(p);
        return p;
    }

    @Test
    void settingReplacingAndClearingAContactMovesContactOfAndRecordsHistory() {
        Project p = newProject();
        Person anne = newPerson("Anne", Licence.FREE);
        Person ben = newPerson("Ben", Licence.STANDARD);
        assertEquals(List.of("BatchGetItem"), db.operationsOf(() -> contacts().load(ORG, p.id(), anne.id())));
        Project read = contacts().load(ORG, p.id(), anne.id()).project();
        contacts().set(OWNER, read, change(read, ContactRole.BILLING, anne), NOW);
        assertEquals(Set.of(p.id() + "#BILLING"), stored(anne).contactOf());
        read = contacts().load(ORG, p.id(), ben.id()).project();
        contacts().set(OWNER, read, change(read, ContactRole.BILLING, ben), NOW.plusSeconds(1));
        assertEquals(Set.of(), stored(anne).contactOf());
        assertEquals(Set.of(p.id() + "#BILLING"), stored(ben).contactOf());
        Project now = db.bean(ProjectStore.class).find(ORG, p.id()).orElseThrow();
        assertEquals(ben.id(), now.clientContacts().get(ContactRole.BILLING).personId());
        contacts().set(OWNER, now, change(now, ContactRole.BILLING, null), NOW.plusSeconds(2));
        assertEquals(Set.of(), stored(ben).contactOf());
        List<HistoryEntry> history = db.bean(HistoryLog.class).page(ORG, p.id(), null, 10).page().items();
        assertEquals(3, history.size());
        assertEquals(Map.of("personId", ben.id(), "name", "Ben"), history.get(0).from());
        assertNull(history.get(0).to());
    }

    @Test
    void refusalsSayWhy() {
        Project p = newProject();
        Person none = newPerson("Sans licence", Licence.NONE);
        Person free = newPerson("Libre", Licence.FREE);
        refused(ProblemCode.LICENCE_REQUIRED, null, () -> contacts().set(OWNER, p, change(p, ContactRole.SUBMISSION, none), NOW));
        Person ghost = person(ORG, "Fantôme", Licence.FREE);
        refused(ProblemCode.VALIDATION_FAILED, null, () -> contacts().set(OWNER, p, change(p, ContactRole.SUBMISSION, ghost), NOW));
        refused(ProblemCode.FORBIDDEN, null, () -> contacts().set(caller("lea", ORG), p, change(p, ContactRole.SUBMISSION, free), NOW));
        // the contact changed since it was read: a conflict, not an overwrite
        contacts().set(OWNER, p, change(p, ContactRole.SUBMISSION, free), NOW);
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> contacts().set(OWNER, p, change(p, ContactRole.SUBMISSION, free), NOW));
        Project closed = newProject();
        db.close(closed, OWNER);
        refused(ProblemCode.PROJECT_CLOSED, null, () -> contacts().set(OWNER, closed, change(closed, ContactRole.EXECUTION, free), NOW));
        assertEquals(Set.of(p.id() + "#SUBMISSION"), stored(free).contactOf());
    }

    private static Person stored(Person p) {
        return db.bean(DirectoryStore.class).find(ORG, p.id()).orElseThrow().person();
    }

    /**
     * The change as the domain would decide it, but without its licence check: the write must hold the licence rule
     * itself, against a licence revoked between the read and the write.
     */
    private static ContactChange change(Project project, ContactRole role, Person person) {
        return new ContactChange(role, project.clientContacts().get(role), person, ContactChange.LICENCES_ALLOWED);
    }
}
