package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client-contact change, decided as a value: the licence rule, what it replaces, its history. ClientContactStoreTest writes them. */
class ContactChangeTest {
    static final Person ANNE = new Person("o", "A", "Anne Roy", null, null, null, Licence.FREE, Set.of());
    static final Person BEN = new Person("o", "B", "Ben Côté", null, null, null, Licence.STANDARD, Set.of());
    static final Person NOBODY = new Person("o", "N", "Sans licence", null, null, null, Licence.NONE, Set.of());

    static Project project(Map<ContactRole, ClientContact> contacts) {
        return new Project("o", "P", "Tour", new AdminInfo(null, null, null, null, ProjectState.ACTIVE, null), 1,
                Map.of("owner", Permission.ADMIN), contacts, Instant.EPOCH, "owner");
    }

    @Test
    void onlyALicensedPersonMayBeAClientContactAndTheWriteHoldsThemToIt() {
        assertEquals(ProblemCode.LICENCE_REQUIRED, assertThrows(ProblemException.class,
                () -> ContactChange.of(project(Map.of()), ContactRole.BILLING, NOBODY)).code());
        assertEquals(Set.of(Licence.FREE, Licence.STANDARD), ContactChange.of(project(Map.of()), ContactRole.BILLING, ANNE).orElseThrow().licencesAllowed());
    }

    @Test
    void replacingSomeoneUnlinksThemAndTheHistorySaysWhoByNameWhenChosen() {
        Project p = project(Map.of(ContactRole.BILLING, new ClientContact("A", "Anne Roy-Tremblay")));
        ContactChange change = ContactChange.of(p, ContactRole.BILLING, BEN).orElseThrow();
        assertTrue(change.unlinksPrevious());
        assertEquals("clientContacts.billing", change.historyLine().field());
        assertEquals(Map.of("personId", "A", "name", "Anne Roy-Tremblay"), change.historyLine().from(), "the name as it was when chosen");
        assertEquals(Map.of("personId", "B", "name", "Ben Côté"), change.historyLine().to());
        ContactChange cleared = ContactChange.of(p, ContactRole.BILLING, null).orElseThrow();
        assertTrue(cleared.unlinksPrevious());
        assertNull(cleared.historyLine().to());
    }

    @Test
    void theSamePersonAgainOrClearingAnEmptyRoleChangesNothing() {
        Project p = project(Map.of(ContactRole.BILLING, new ClientContact("A", "Anne Roy")));
        assertEquals(Optional.empty(), ContactChange.of(p, ContactRole.BILLING, ANNE));
        assertEquals(Optional.empty(), ContactChange.of(p, ContactRole.EXECUTION, null));
        ContactChange first = ContactChange.of(p, ContactRole.EXECUTION, ANNE).orElseThrow();
        assertFalse(first.unlinksPrevious(), "a new role: nobody to unlink");
        assertNull(first.historyLine().from());
    }

    @Test
    void aPersonIsAClientContactInAtMostThreeThousandRolesSoTheirItemStaysBounded() {
        java.util.Set<String> roles = new java.util.HashSet<>();
        for (int i = 0; roles.size() < ContactChange.MAX_CONTACT_ROLES - 1; i++) {
            roles.add("P" + i + "#BILLING");
        }
        Person almost = new Person("o", "A", "Anne Roy", null, null, null, Licence.FREE, roles);
        assertTrue(ContactChange.of(project(Map.of()), ContactRole.BILLING, almost).isPresent(), "the last role there is room for");
        roles.add("LAST#BILLING");
        Person full = new Person("o", "A", "Anne Roy", null, null, null, Licence.FREE, roles);
        ProblemException e = assertThrows(ProblemException.class, () -> ContactChange.of(project(Map.of()), ContactRole.BILLING, full));
        assertEquals(ProblemCode.CONFLICT, e.code());
        assertEquals("TOO_MANY_CONTACT_ROLES", e.messageKey());
        assertEquals(java.util.List.of("Anne Roy", ContactChange.MAX_CONTACT_ROLES), e.args());
        assertTrue(ContactChange.of(project(Map.of(ContactRole.BILLING, ClientContact.of(full))), ContactRole.BILLING, null).isPresent(),
                "clearing a role is always possible");
    }
}
