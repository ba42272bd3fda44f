package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.SearchText;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A directory person (partition {@link Keys#personPk}, sort key {@link Keys#PERSON}): details, {@code licence},
 * {@code contactOf} (see {@link ClientContactItem}) and {@code ver}, which every write of the person's
 * details or licence is conditioned on. On index ByName: {@code gsi2pk} = {@link Keys#peoplePk},
 * {@code gsi2sk} = folded name (at most 200 characters) + "#" + id.
 */
public final class PersonItem {
    static final String VERSION = "ver";
    static final String LICENCE = "licence";
    /** The name part of the ByName sort key is cut to this many characters. */
    static final int MAX_SORT_NAME = 200;

    private PersonItem() {}

    public static Map<String, AttributeValue> key(String orgId, String personId) {
        return Keys.key(Keys.personPk(orgId, personId), Keys.PERSON);
    }

    public static Map<String, AttributeValue> item(Person p, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.orgId(), p.id()));
        item.put("type", AttributeValue.fromS("Person"));
        item.put("orgId", AttributeValue.fromS(p.orgId()));
        item.put("id", AttributeValue.fromS(p.id()));
        item.put("name", AttributeValue.fromS(p.name()));
        Attrs.putIfPresent(item, "company", p.company());
        Attrs.putIfPresent(item, "email", p.email());
        Attrs.putIfPresent(item, "phone", p.phone());
        item.put(LICENCE, licence(p.licence()));
        if (!p.contactOf().isEmpty()) {
            item.put(ClientContactItem.CONTACT_OF, AttributeValue.fromSs(new ArrayList<>(p.contactOf())));
        }
        item.put(VERSION, Attrs.n(version));
        item.put(Keys.GSI2_PK, directoryPartition(p.orgId()));
        item.put(Keys.GSI2_SK, AttributeValue.fromS(sortKey(p)));
        return item;
    }

    /**
     * The attributes a details edit writes (name, company, e-mail, phone, name-order key; null: removed): never the
     * licence nor {@code contactOf}, which their own writes change, so that an edit racing them cannot undo them.
     */
    static Map<String, AttributeValue> details(Person p) {
        Map<String, AttributeValue> out = new HashMap<>();
        out.put("name", AttributeValue.fromS(p.name()));
        out.put("company", Attrs.textOrAbsent(p.company()));
        out.put("email", Attrs.textOrAbsent(p.email()));
        out.put("phone", Attrs.textOrAbsent(p.phone()));
        out.put(Keys.GSI2_SK, AttributeValue.fromS(sortKey(p)));
        return out;
    }

    static AttributeValue licence(Licence licence) {
        return AttributeValue.fromS(licence.name());
    }

    /** The partition of the organization's directory on index ByName. */
    static AttributeValue directoryPartition(String orgId) {
        return AttributeValue.fromS(Keys.peoplePk(orgId));
    }

    static String sortKey(Person p) {
        String folded = SearchText.fold(p.name());
        return com.example.clientmgmt.domain.Texts.cut(folded, MAX_SORT_NAME) + "#" + p.id();
    }

    /** The person id at the end of a ByName sort key. */
    static String idOfSortKey(String sortKey) {
        return sortKey.substring(sortKey.lastIndexOf('#') + 1);
    }

    /** Whether a cursor's position is a name-order key: what list and search pages continue after. */
    static boolean isNamePosition(String position) {
        return position.length() < 600 && position.lastIndexOf('#') > 0 && com.example.clientmgmt.domain.Ids.isWellFormed(idOfSortKey(position));
    }

    /** The index key where a name-order page continues after {@code sortKey}. */
    static Map<String, AttributeValue> indexKey(String orgId, String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>(key(orgId, idOfSortKey(sortKey)));
        key.put(Keys.GSI2_PK, directoryPartition(orgId));
        key.put(Keys.GSI2_SK, AttributeValue.fromS(sortKey));
        return key;
    }

    static String sortKeyOf(Map<String, AttributeValue> item) {
        return Attrs.str(item, Keys.GSI2_SK);
    }

    static long version(Map<String, AttributeValue> item) {
        return Attrs.num(item, VERSION);
    }

    public static Person toPerson(Map<String, AttributeValue> item) {
        AttributeValue contacts = item.get(ClientContactItem.CONTACT_OF);
        Set<String> contactOf = contacts == null || !contacts.hasSs() ? Set.of() : new HashSet<>(contacts.ss());
        return new Person(Attrs.str(item, "orgId"), Attrs.str(item, "id"), Attrs.str(item, "name"), Attrs.str(item, "company"),
                Attrs.str(item, "email"), Attrs.str(item, "phone"), Licence.valueOf(Attrs.str(item, LICENCE)), contactOf);
    }
}
