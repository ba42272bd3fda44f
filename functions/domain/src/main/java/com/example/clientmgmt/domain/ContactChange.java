package com.example.clientmgmt.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Setting a project's client-contact role to a directory person (or, with none, clearing it), decided as a value:
 * the contact it replaces (the write holds only while that is still the one), the person, whether the replaced
 * person stops being this project's contact, the licences the person must still hold when the write lands (a
 * concurrent licence change cannot slip an unlicensed contact in), and the admin-history entry.
 */
public record ContactChange(ContactRole role, ClientContact previous, Person person, Set<Licence> licencesAllowed) {
    /** The licences that allow a person to be a client contact ({@link Licence#allowsClientContact}). */
    public static final Set<Licence> LICENCES_ALLOWED = Arrays.stream(Licence.values()).filter(Licence::allowsClientContact)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Licence.class)));

    /**
     * A person is a client contact in at most this many project roles: their {@code contactOf} set is on their item,
     * which must stay under DynamoDB's 400 KB (about 40 bytes a role: 120 KB at most).
     */
    public static final int MAX_CONTACT_ROLES = 3000;

    public ContactChange {
        licencesAllowed = Set.copyOf(licencesAllowed);
    }

    /** Refuses (409 TOO_MANY_CONTACT_ROLES) a person who is already a client contact in {@link #MAX_CONTACT_ROLES} roles. */
    public static void requireRoomFor(Person person) {
        if (person.contactOf().size() >= MAX_CONTACT_ROLES) {
            throw new ProblemException(ProblemCode.CONFLICT, "TOO_MANY_CONTACT_ROLES", List.of(person.name(), MAX_CONTACT_ROLES), List.of());
        }
    }

    /**
     * The change of {@code role} on {@code project} as read to {@code person} (null clears it): refused when the person
     * holds no licence that allows it (409 LICENCE_REQUIRED) or is a contact in too many roles already (409
     * TOO_MANY_CONTACT_ROLES; the write holds it too), empty when nothing would change.
     */
    public static Optional<ContactChange> of(Project project, ContactRole role, Person person) {
        ClientContact previous = project.clientContacts().get(role);
        if (person == null ? previous == null : previous != null && previous.personId().equals(person.id())) {
            return Optional.empty();
        }
        if (person != null) {
            Directory.requireMayBeClientContact(person);
            requireRoomFor(person);
        }
        return Optional.of(new ContactChange(role, previous, person, LICENCES_ALLOWED));
    }

    /** Whether the person who held the role stops being this project's contact in it. */
    public boolean unlinksPrevious() {
        return previous != null && (person == null || !previous.personId().equals(person.id()));
    }

    /**
     * Its history entry, {@code clientContacts.<role>}: each side a person as the history shows them, id and name (the
     * replaced one's name as it was when chosen); null where there was, or is, none.
     */
    public FieldChange historyLine() {
        return new FieldChange("clientContacts." + role.apiName(),
                previous == null ? null : ref(previous.personId(), previous.nameWhenSet()),
                person == null ? null : ref(person.id(), person.name()));
    }

    private static Map<String, String> ref(String personId, String name) {
        Map<String, String> ref = new LinkedHashMap<>();
        ref.put("personId", personId);
        ref.put("name", name);
        return ref;
    }
}
