package com.example.clientmgmt.contacts;

import com.example.clientmgmt.domain.Person;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A directory person as the API shows them. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PersonView(String id, String name, String company, String email, String phone, String licence) {
    static PersonView of(Person p) {
        return p == null ? null : new PersonView(p.id(), p.name(), p.company(), p.email(), p.phone(), p.licence().name());
    }

    /** A project's three client contacts; a role nobody holds is null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Contacts(PersonView submission, PersonView billing, PersonView execution) {}
}
