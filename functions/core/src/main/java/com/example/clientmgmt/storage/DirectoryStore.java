package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.SearchText;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All table access for the directory ("Bottin"): people, their licences, and the word items that make
 * search a key query. Every person write bumps {@code ver} and is conditioned on the version read, so
 * concurrent edits cannot leave the search words out of step with the person.
 */
@Singleton
public class DirectoryStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DirectoryStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** A person with the version their next write must be conditioned on. */
    public record Versioned(Person person, long version) {}

    static Map<String, AttributeValue> personKey(String orgId, String personId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.personPk(orgId, personId)), Keys.SK, AttributeValue.fromS(Keys.PERSON));
    }

    /** Adds a person and their search words in one transaction. */
    public void add(Person person) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(person, 1))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        SearchText.indexedWords(person).forEach(w ->
                writes.add(TransactWriteItem.builder().put(wordPut(person, w)).build()));
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    public Optional<Versioned> find(String orgId, String personId) {
        if (!Ids.isWellFormed(personId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(personKey(orgId, personId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Versioned(toPerson(item), Attrs.num(item, "ver")));
    }

    /** Several people at once (one BatchGetItem per 100), keyed by id; unknown ids are simply absent. */
    public Map<String, Person> findAll(String orgId, Set<String> personIds) {
        Map<String, Person> found = new HashMap<>();
        BatchReads.getAll(dynamo, table, personIds.stream().filter(Ids::isWellFormed).map(id -> personKey(orgId, id)).toList())
                .forEach(i -> found.put(Attrs.str(i, "id"), toPerson(i)));
        return found;
    }

    /** The directory in name order (index ByName), one page. */
    public ProjectStore.Page<Person> list(String orgId, String cursor, int limit) {
        String after = Cursor.decode(cursor, c -> c.length() < 600 && Ids.isWellFormed(c.substring(c.lastIndexOf('#') + 1)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.GSI2)
                .keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.peoplePk(orgId))))
                .limit(limit);
        if (after != null) {
            String id = after.substring(after.lastIndexOf('#') + 1);
            Map<String, AttributeValue> start = new HashMap<>(personKey(orgId, id));
            start.put(Keys.GSI2_PK, AttributeValue.fromS(Keys.peoplePk(orgId)));
            start.put(Keys.GSI2_SK, AttributeValue.fromS(after));
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamo.query(query.build());
        List<Person> people = response.items().stream().map(DirectoryStore::toPerson).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !response.items().isEmpty()
                ? Cursor.encode(Attrs.str(response.items().get(response.items().size() - 1), Keys.GSI2_SK)) : null;
        return new ProjectStore.Page<>(people, next);
    }

    /**
     * People whose name or company has words starting with every word of the query: one query of the
     * word items for the query's longest word, then one batch read of those people, filtered on all words.
     */
    public ProjectStore.Page<Person> search(String orgId, String text, String cursor, int limit) {
        List<String> words = List.copyOf(SearchText.words(text));
        if (words.isEmpty()) {
            return list(orgId, cursor, limit);
        }
        String longest = words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        String after = Cursor.decode(cursor, c -> c.startsWith(longest) && c.length() < 200);
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p AND begins_with(sk, :w)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.wordsPk(orgId)), ":w", AttributeValue.fromS(longest)))
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Map.of(Keys.PK, AttributeValue.fromS(Keys.wordsPk(orgId)), Keys.SK, AttributeValue.fromS(after)));
        }
        QueryResponse response = dynamo.query(query.build());
        Set<String> ids = new LinkedHashSet<>();
        response.items().forEach(i -> ids.add(Attrs.str(i, "personId")));
        Map<String, Person> people = findAll(orgId, ids);
        List<Person> matches = ids.stream().map(people::get)
                .filter(p -> p != null && SearchText.matches(words, p))
                .sorted(Comparator.comparing((Person p) -> SearchText.fold(p.name())).thenComparing(Person::id))
                .toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Cursor.encode(response.lastEvaluatedKey().get(Keys.SK).s()) : null;
        return new ProjectStore.Page<>(matches, next);
    }

    /** Replaces a person's details (not licence nor contacts), and their search words, if still at {@code version}. */
    public void edit(Versioned before, Person after) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(after, before.version() + 1))
                .conditionExpression("ver = :v").expressionAttributeValues(Map.of(":v", Attrs.n(before.version()))).build()).build());
        Set<String> old = SearchText.indexedWords(before.person());
        Set<String> now = SearchText.indexedWords(after);
        for (String w : old) {
            if (!now.contains(w)) {
                writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                        Keys.PK, AttributeValue.fromS(Keys.wordsPk(after.orgId())),
                        Keys.SK, AttributeValue.fromS(w + "#" + after.id()))).build()).build());
            }
        }
        for (String w : now) {
            if (!old.contains(w)) {
                writes.add(TransactWriteItem.builder().put(wordPut(after, w)).build());
            }
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw concurrentChange();
        }
    }

    /**
     * Sets a licence if the person is still at {@code version}; a licence that does not allow being a
     * contact is only written while the person is nobody's contact (checked again by the condition).
     */
    public void setLicence(Versioned before, Licence licence) {
        String condition = licence.allowsClientContact() ? "ver = :v"
                : "ver = :v AND (attribute_not_exists(contactOf) OR size(contactOf) = :zero)";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":v", Attrs.n(before.version()),
                ":l", AttributeValue.fromS(licence.name()), ":one", Attrs.n(1)));
        if (!licence.allowsClientContact()) {
            values.put(":zero", Attrs.n(0));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(personKey(before.person().orgId(), before.person().id()))
                    .updateExpression("SET licence = :l, ver = ver + :one")
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw concurrentChange();
        }
    }

    static ProblemException concurrentChange() {
        return new ProblemException(ProblemCode.CONFLICT, "CONCURRENT_CHANGE", List.of(), List.of());
    }

    private Map<String, AttributeValue> item(Person p, long version) {
        Map<String, AttributeValue> item = new HashMap<>(personKey(p.orgId(), p.id()));
        item.put("type", AttributeValue.fromS("Person"));
        item.put("orgId", AttributeValue.fromS(p.orgId()));
        item.put("id", AttributeValue.fromS(p.id()));
        item.put("name", AttributeValue.fromS(p.name()));
        optional(item, "company", p.company());
        optional(item, "email", p.email());
        optional(item, "phone", p.phone());
        item.put("licence", AttributeValue.fromS(p.licence().name()));
        if (!p.contactOf().isEmpty()) {
            item.put("contactOf", AttributeValue.fromSs(new ArrayList<>(p.contactOf())));
        }
        item.put("ver", Attrs.n(version));
        item.put(Keys.GSI2_PK, AttributeValue.fromS(Keys.peoplePk(p.orgId())));
        String folded = SearchText.fold(p.name());
        item.put(Keys.GSI2_SK, AttributeValue.fromS((folded.length() > 200 ? folded.substring(0, 200) : folded) + "#" + p.id()));
        return item;
    }

    private static void optional(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private Put wordPut(Person p, String word) {
        return Put.builder().tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.wordsPk(p.orgId())),
                Keys.SK, AttributeValue.fromS(word + "#" + p.id()),
                "type", AttributeValue.fromS("SearchWord"),
                "personId", AttributeValue.fromS(p.id()))).build();
    }

    static Person toPerson(Map<String, AttributeValue> item) {
        AttributeValue contacts = item.get("contactOf");
        Set<String> contactOf = contacts == null || !contacts.hasSs() ? Set.of() : new HashSet<>(contacts.ss());
        return new Person(Attrs.str(item, "orgId"), Attrs.str(item, "id"), Attrs.str(item, "name"), Attrs.str(item, "company"),
                Attrs.str(item, "email"), Attrs.str(item, "phone"), Licence.valueOf(Attrs.str(item, "licence")), contactOf);
    }
}
