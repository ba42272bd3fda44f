package com.example.clientmgmt.domain;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Changing a directory person's licence, decided as a value: from what to what, and whether the write may land only
 * while the person is nobody's client contact (a licence that does not allow being one: a contact assignment racing
 * it must not leave an unlicensed contact). Storage writes it conditioned on the person's version, with the entry
 * in the person's history ({@link #historyLine()}).
 */
public record LicenceChange(String personId, Licence from, Licence to, boolean onlyWhileNobodysContact) {

    /**
     * The change {@code caller} asks for ({@code adminOfAProject}: ADMIN of at least one project): refused as
     * {@link Directory} says (403; 409 LICENCE_IN_USE naming the projects the caller may read and counting the others, read only then), empty when the person
     * already holds {@code to}.
     */
    public static Optional<LicenceChange> of(Caller caller, boolean adminOfAProject, Person person, Licence to,
                                             Supplier<ContactProjects> contactProjects) {
        Directory.requireMayChangeLicence(caller, adminOfAProject, person.licence(), to);
        if (person.licence() == to) {
            return Optional.empty();
        }
        Directory.requireLicenceMayBeRemoved(person, to, contactProjects);
        return Optional.of(new LicenceChange(person.id(), person.licence(), to, !to.allowsClientContact()));
    }

    /** Its entry in the person's history: {@code licence}, from → to. */
    public FieldChange historyLine() {
        return new FieldChange("licence", from.name(), to.name());
    }
}
