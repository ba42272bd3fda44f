package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.domain.ContactChange;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.LicenceChange;
import com.example.clientmgmt.domain.Page;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.clientmgmt.storage.StorageFixture.NOW;
import static com.example.clientmgmt.storage.StorageFixture.caller;
import static com.example.clientmgmt.storage.StorageFixture.person;
import static com.example.clientmgmt.storage.StorageFixture.project;
import static com.example.clientmgmt.storage.StorageFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory against the emulator: people and their words, name order, search, versioned edits and licences. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class DirectoryStoreTest {
    @RegisterExtension
    static StorageFixture db = new StorageFixture();

    DirectoryStore directory() {
        return db.bean(DirectoryStore.class);
    }

    @Test
    void aPersonIsAddedWithTheirWordsAndFoundByAnyWordPrefixInOneOrderAcrossPages() {
        String org = "org-d1";
        Person elise = new Person(org, com.example.clientmgmt.domain.Ids.newId(NOW), "Élise Tremblay", "Ville de Laval",
                "elise@laval.ca", "450 555-1234", Licence.NONE, Set.of());
        directory().add(elise);
        assertEquals(new DirectoryStore.Versioned(elise, 1), directory().find(org, elise.id()).orElseThrow());
        for (String name : List.of("Zoé Roy", "André Tremblay", "Bruno Côté")) {
            directory().add(person(org, name, Licence.NONE));
        }
        assertEquals(List.of("André Tremblay", "Élise Tremblay"), names(directory().search(org, "TREMB", null, 10)));
        assertEquals(List.of("Élise Tremblay"), names(directory().search(org, "elise laval", null, 10)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Person> page = directory().list(org, cursor, 3);
            seen.addAll(names(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of("André Tremblay", "Bruno Côté", "Élise Tremblay", "Zoé Roy"), seen);
        assertEquals(List.of("Query", "BatchGetItem"), db.operationsOf(() -> directory().search(org, "roy", null, 10)));
        assertTrue(directory().find("org-other", elise.id()).isEmpty());
    }

    @Test
    void anEditRewritesTheWordsAndAStaleEditIsAConflict() {
        String org = "org-d2";
        Person p = person(org, "Marc Gagnon", Licence.NONE);
        directory().add(p);
        DirectoryStore.Versioned before = directory().find(org, p.id()).orElseThrow();
        Person renamed = new Person(org, p.id(), "Marc Bouchard", "Béton Inc", null, null, Licence.NONE, Set.of());
        directory().edit(before, renamed);
        assertEquals(List.of(), directory().search(org, "gagnon", null, 10).items());
        assertEquals(List.of("Marc Bouchard"), names(directory().search(org, "beton", null, 10)));
        assertEquals(2, directory().find(org, p.id()).orElseThrow().version());
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> directory().edit(before, p));
        assertEquals(renamed, directory().find(org, p.id()).orElseThrow().person());
    }

    @Test
    void aLicenceIsNotRemovedFromAClientContactNorWrittenFromAStaleRead() {
        String org = "org-d3";
        Person p = person(org, "Julie Roy", Licence.NONE);
        directory().add(p);
        DirectoryStore.Versioned read = directory().find(org, p.id()).orElseThrow();
        directory().setLicence(read, licence(read, Licence.FREE), caller("owner", org), NOW);
        DirectoryStore.Versioned free = directory().find(org, p.id()).orElseThrow();
        assertEquals(Licence.FREE, free.person().licence());
        Project project = project(org, Map.of("owner", Permission.ADMIN));
        db.bean(ProjectStore.class).create(project);
        db.bean(ClientContactStore.class).set(caller("owner", org), project,
                ContactChange.of(project, ContactRole.BILLING, free.person()).orElseThrow(), NOW);
        DirectoryStore.Versioned contact = directory().find(org, p.id()).orElseThrow();
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> directory().setLicence(contact, licence(contact, Licence.NONE), caller("owner", org), NOW));
        directory().setLicence(contact, licence(contact, Licence.STANDARD), caller("owner", org), NOW.plusSeconds(1));
        assertEquals(Licence.STANDARD, directory().find(org, p.id()).orElseThrow().person().licence());
        refused(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", () -> directory().setLicence(contact, licence(contact, Licence.FREE), caller("owner", org), NOW));
        // each licence written is in the person's history, newest first; a refused one is not
        List<String> history = db.bean(HistoryLog.class).personPage(org, p.id(), null, 10).orElseThrow().items().stream()
                .map(h -> h.field() + ":" + h.from() + "->" + h.to()).toList();
        assertEquals(List.of("licence:FREE->STANDARD", "licence:NONE->FREE"), history);
        assertTrue(db.bean(HistoryLog.class).personPage(org, com.example.clientmgmt.domain.Ids.newId(NOW), null, 10).isEmpty());
    }

    private static List<String> names(Page<Person> page) {
        return page.items().stream().map(Person::name).toList();
    }

    /** The change as the domain would decide it, without its checks: the write must hold the contact rule itself. */
    private static LicenceChange licence(DirectoryStore.Versioned before, Licence to) {
        return new LicenceChange(before.person().id(), before.person().licence(), to, !to.allowsClientContact());
    }
}
