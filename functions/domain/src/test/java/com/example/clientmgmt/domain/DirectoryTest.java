package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licence rule and directory search, without AWS. */
class DirectoryTest {
    static final Caller ORG_ADMIN = new Caller("boss", "o", true);
    static final Caller MEMBER = new Caller("lea", "o", false);

    static Person person(Licence licence, String... contactOf) {
        return new Person("o", "P1", "Élise Tremblay-Côté", "Béton Québec inc.", null, null, licence, Set.of(contactOf));
    }

    static ProblemException refusal(Runnable action) {
        return assertThrows(ProblemException.class, action::run);
    }

    @Test
    void onlyLicensedPeopleCanBeClientContactsAndTheFreeLicenceIsEnough() {
        ProblemException e = refusal(() -> Directory.requireMayBeClientContact(person(Licence.NONE)));
        assertEquals(ProblemCode.LICENCE_REQUIRED, e.code());
        assertEquals(List.of("Élise Tremblay-Côté"), e.args());
        assertDoesNotThrow(() -> Directory.requireMayBeClientContact(person(Licence.FREE)));
        assertDoesNotThrow(() -> Directory.requireMayBeClientContact(person(Licence.STANDARD)));
    }

    @Test
    void projectAdminsGiveAndRemoveTheFreeLicenceOnly() {
        assertDoesNotThrow(() -> Directory.requireMayChangeLicence(MEMBER, true, Licence.NONE, Licence.FREE));
        assertDoesNotThrow(() -> Directory.requireMayChangeLicence(MEMBER, true, Licence.FREE, Licence.NONE));
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> Directory.requireMayChangeLicence(MEMBER, true, Licence.FREE, Licence.STANDARD)).code());
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> Directory.requireMayChangeLicence(MEMBER, true, Licence.STANDARD, Licence.FREE)).code());
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> Directory.requireMayChangeLicence(MEMBER, false, Licence.NONE, Licence.FREE)).code());
        assertDoesNotThrow(() -> Directory.requireMayChangeLicence(ORG_ADMIN, false, Licence.NONE, Licence.STANDARD));
        assertDoesNotThrow(() -> Directory.requireMayChangeLicence(ORG_ADMIN, false, Licence.STANDARD, Licence.NONE));
    }

    @Test
    void organizationAdminsAndProjectAdminsAddPeopleOnlyOrganizationAdminsChangeTheirDetails() {
        assertEquals(ProblemCode.FORBIDDEN, refusal(() -> Directory.requireMayAdd(MEMBER, false)).code());
        assertDoesNotThrow(() -> Directory.requireMayAdd(MEMBER, true));
        assertDoesNotThrow(() -> Directory.requireMayAdd(ORG_ADMIN, false));
        assertEquals("DIRECTORY_ORG_ADMIN", refusal(() -> Directory.requireOrganizationAdmin(MEMBER)).messageKey());
        assertDoesNotThrow(() -> Directory.requireOrganizationAdmin(ORG_ADMIN));
    }

    @Test
    void aContactKeepsTheirLicenceAndTheRefusalNamesTheProjects() {
        Person contact = person(Licence.FREE, "PROJ1#BILLING");
        ProblemException e = refusal(() -> Directory.requireLicenceMayBeRemoved(contact, Licence.NONE, () -> new ContactProjects(List.of("Tour Sud"), 0)));
        assertEquals(ProblemCode.CONFLICT, e.code());
        assertEquals("LICENCE_IN_USE", e.messageKey());
        assertEquals(List.of("Élise Tremblay-Côté", "Tour Sud"), e.args());
        assertDoesNotThrow(() -> Directory.requireLicenceMayBeRemoved(contact, Licence.STANDARD, () -> { throw new AssertionError("not read"); }));
        assertDoesNotThrow(() -> Directory.requireLicenceMayBeRemoved(person(Licence.FREE), Licence.NONE, () -> { throw new AssertionError("not read"); }));
        assertEquals(Set.of("PROJ1"), contact.contactProjects());
    }

    @Test
    void projectsTheCallerCannotReadAreCountedNeverNamed() {
        Person contact = person(Licence.FREE, "A#BILLING", "B#SUBMISSION", "C#EXECUTION");
        ProblemException some = refusal(() -> Directory.requireLicenceMayBeRemoved(contact, Licence.NONE, () -> new ContactProjects(List.of("Tour Sud"), 2)));
        assertEquals("LICENCE_IN_USE_ALSO_UNREADABLE", some.messageKey());
        assertEquals(List.of("Élise Tremblay-Côté", "Tour Sud", 2), some.args());
        ProblemException none = refusal(() -> Directory.requireLicenceMayBeRemoved(contact, Licence.NONE, () -> new ContactProjects(List.of(), 3)));
        assertEquals("LICENCE_IN_USE_UNREADABLE", none.messageKey());
        assertEquals(List.of("Élise Tremblay-Côté", 3), none.args());
    }

    @Test
    void whatACallerIsToldOfAContactsProjectsFollowsThePermissionMatrix() {
        Project a = project("A", "Tour Sud", Map.of("lea", Permission.LIMITED));
        Project b = project("B", "Entrepôt secret", Map.of("lea", Permission.NONE, "adam", Permission.ADMIN));
        Project c = project("C", "Aréna", Map.of("adam", Permission.ADMIN));
        Map<String, Project> found = Map.of("A", a, "B", b, "C", c);
        List<String> ids = List.of("A", "B", "C", "GONE");
        assertEquals(new ContactProjects(List.of("Tour Sud"), 3), ContactProjects.seenBy(MEMBER, ids, found), "LIMITED reads; NONE, not a member, or gone: counted");
        assertEquals(new ContactProjects(List.of("Aréna", "Entrepôt secret"), 2), ContactProjects.seenBy(new Caller("adam", "o", false), ids, found),
                "in name order");
        assertEquals(new ContactProjects(List.of("Aréna", "Entrepôt secret", "Tour Sud"), 1), ContactProjects.seenBy(ORG_ADMIN, ids, found),
                "an organization admin reads every project of the organization");
    }

    static Project project(String id, String name, Map<String, Permission> members) {
        return new Project("o", id, name, new AdminInfo(null, null, null, null, ProjectState.ACTIVE, null), 1, members, Map.of(),
                java.time.Instant.EPOCH, "boss");
    }

    @Test
    void searchIgnoresCaseAndAccentsAndMatchesWordStarts() {
        Person p = person(Licence.FREE);
        assertTrue(SearchText.matches(List.copyOf(SearchText.words("elise")), p));
        assertTrue(SearchText.matches(List.copyOf(SearchText.words("TREMB")), p));
        assertTrue(SearchText.matches(List.copyOf(SearchText.words("cote")), p));
        assertTrue(SearchText.matches(List.copyOf(SearchText.words("beton queb")), p));
        assertTrue(SearchText.matches(List.copyOf(SearchText.words("Élise béton")), p));
        assertFalse(SearchText.matches(List.copyOf(SearchText.words("lise")), p));
        assertFalse(SearchText.matches(List.copyOf(SearchText.words("elise gagnon")), p));
        assertEquals(Set.of("elise", "tremblay", "cote"), SearchText.words("Élise Tremblay-Côté"));
        assertEquals("oeuvre", SearchText.fold("Œuvre"));
    }

    /** Addresses SES sends to, and only those: what it refuses would send a whole reminder event to the failure queue. */
    @org.junit.jupiter.api.Test
    void anEmailAddressIsOneSesSendsTo() {
        for (String good : java.util.List.of("g.cote@laval.ca", "ma.cote+chantier@laval.ca", "o'neil@x.qc.ca", "a@xn--p1ai.ru",
                "x".repeat(64) + "@b.ca", "tout_le-monde{1}@sous.domaine.example")) {
            org.junit.jupiter.api.Assertions.assertTrue(Directory.EMAIL.matcher(good).matches(), good);
        }
        for (String bad : java.util.List.of("pas-un-courriel", "a<b>@c.ca", "\"x\"@y.ca", "a,b@c.ca", "a b@c.ca", "é@x.ca",
                "a@é.ca", "a..b@c.ca", ".a@c.ca", "a.@c.ca", "a@c", "a@-c.ca", "a@c-.ca", "a@c..ca", "x".repeat(65) + "@b.ca",
                "Marie <m@x.ca>", "m@x.ca, n@y.ca")) {
            org.junit.jupiter.api.Assertions.assertFalse(Directory.EMAIL.matcher(bad).matches(), bad);
        }
    }
}
