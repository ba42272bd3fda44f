package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.storage.Expressions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a client contact is stored, on both sides: the project item's {@code contacts} map (role →
 * {personId, name when chosen}) and the person item's {@code contactOf} string set, whose entries
 * {@code projectId#ROLE} say where the person is a contact (so their licence cannot go from under it).
 */
public final class ClientContactItem {
    public static final String CONTACTS = "contacts";
    static final String CONTACT_OF = "contactOf";

    private ClientContactItem() {}

    public static AttributeValue contacts(Map<ContactRole, ClientContact> contacts) {
        Map<String, AttributeValue> out = new HashMap<>();
        contacts.forEach((role, contact) -> out.put(role.name(), contact(contact)));
        return AttributeValue.fromM(out);
    }

    static AttributeValue contact(ClientContact contact) {
        return AttributeValue.fromM(Map.of("personId", AttributeValue.fromS(contact.personId()),
                "name", AttributeValue.fromS(contact.nameWhenSet())));
    }

    public static Map<ContactRole, ClientContact> fromContacts(AttributeValue contacts) {
        Map<ContactRole, ClientContact> out = new HashMap<>();
        if (contacts != null && contacts.hasM()) {
            contacts.m().forEach((role, c) -> out.put(ContactRole.valueOf(role),
                    new ClientContact(c.m().get("personId").s(), c.m().get("name").s())));
        }
        return out;
    }

    /** The {@code contactOf} element naming one role of one project. */
    static AttributeValue contactOfEntry(String projectId, ContactRole role) {
        return AttributeValue.fromSs(List.of(projectId + "#" + role.name()));
    }

    /** The path of one role in the project item's {@code contacts} map. */
    static String rolePath(Expressions e, ContactRole role) {
        return e.path(CONTACTS, role.name());
    }

    /** The path of the person id of one role, for conditions on who holds it now. */
    static String rolePersonPath(Expressions e, ContactRole role) {
        return e.path(CONTACTS, role.name(), "personId");
    }
}
