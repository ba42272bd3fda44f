package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A licence change, decided as a value: who may, the no-op, a contact's licence kept, and when the write must check contacts. */
class LicenceChangeTest {
    static final Caller BOSS = new Caller("boss", "o", true);
    static final Caller ADAM = new Caller("adam", "o", false);

    static Person person(Licence licence, Set<String> contactOf) {
        return new Person("o", "A", "Anne Roy", null, null, null, licence, contactOf);
    }

    static ProblemException refused(Caller caller, boolean adminOfAProject, Person p, Licence to) {
        return assertThrows(ProblemException.class, () -> LicenceChange.of(caller, adminOfAProject, p, to, () -> new ContactProjects(List.of("Tour Sud"), 0)));
    }

    @Test
    void givingOrTakingTheFreeLicenceIsForAdminsTheStandardOneForOrganizationAdmins() {
        assertEquals(Optional.of(new LicenceChange("A", Licence.NONE, Licence.FREE, false)),
                LicenceChange.of(ADAM, true, person(Licence.NONE, Set.of()), Licence.FREE, () -> new ContactProjects(List.of(), 0)));
        assertEquals("DIRECTORY_EDIT_FORBIDDEN", refused(ADAM, false, person(Licence.NONE, Set.of()), Licence.FREE).messageKey());
        assertEquals("STANDARD_LICENCE_ORG_ADMIN", refused(ADAM, true, person(Licence.FREE, Set.of()), Licence.STANDARD).messageKey());
        assertEquals("STANDARD_LICENCE_ORG_ADMIN", refused(ADAM, true, person(Licence.STANDARD, Set.of()), Licence.FREE).messageKey(),
                "taking a paid licence too");
        assertEquals(Licence.STANDARD, LicenceChange.of(BOSS, false, person(Licence.FREE, Set.of()), Licence.STANDARD, () -> new ContactProjects(List.of(), 0)).orElseThrow().to());
    }

    @Test
    void aContactKeepsALicenceAndRemovingOneIsWrittenOnlyWhileThePersonIsNobodysContact() {
        ProblemException inUse = refused(BOSS, false, person(Licence.FREE, Set.of("P#BILLING")), Licence.NONE);
        assertEquals("LICENCE_IN_USE", inUse.messageKey());
        assertEquals(List.of("Anne Roy", "Tour Sud"), inUse.args());
        assertEquals(true, LicenceChange.of(BOSS, false, person(Licence.FREE, Set.of()), Licence.NONE, () -> new ContactProjects(List.of(), 0)).orElseThrow().onlyWhileNobodysContact());
        assertEquals(false, LicenceChange.of(BOSS, false, person(Licence.FREE, Set.of("P#BILLING")), Licence.STANDARD, () -> new ContactProjects(List.of(), 0))
                .orElseThrow().onlyWhileNobodysContact(), "a contact may move between licences that allow it");
    }

    @Test
    void theLicenceThePersonHoldsChangesNothingButIsStillOnlyForWhoMay() {
        assertEquals(Optional.empty(), LicenceChange.of(ADAM, true, person(Licence.FREE, Set.of()), Licence.FREE, () -> new ContactProjects(List.of(), 0)));
        assertEquals("DIRECTORY_EDIT_FORBIDDEN", refused(ADAM, false, person(Licence.FREE, Set.of()), Licence.FREE).messageKey());
    }
}
