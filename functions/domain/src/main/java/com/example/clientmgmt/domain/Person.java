package com.example.clientmgmt.domain;

import java.util.Set;

/**
 * A person of the organization's directory ("Bottin"). {@code contactOf} lists where the person is a
 * client contact, as {@code projectId#role}, so that their licence cannot be removed from under a project.
 */
public record Person(String orgId, String id, String name, String company, String email, String phone,
                     Licence licence, Set<String> contactOf) {
    public Person {
        contactOf = Set.copyOf(contactOf);
    }

    public Person withLicence(Licence newLicence) {
        return new Person(orgId, id, name, company, email, phone, newLicence, contactOf);
    }

    /** The ids of the projects where this person is a client contact. */
    public Set<String> contactProjects() {
        return contactOf.stream().map(c -> c.substring(0, c.indexOf('#'))).collect(java.util.stream.Collectors.toSet());
    }
}
