package com.example.clientmgmt.domain;

/**
 * Who holds a client-contact role on a project: the directory person's id, and their name when they
 * were chosen (kept for the history; reads show the person's current details from the directory).
 */
public record ClientContact(String personId, String nameWhenSet) {
    public static ClientContact of(Person person) {
        return new ClientContact(person.id(), person.name());
    }
}
