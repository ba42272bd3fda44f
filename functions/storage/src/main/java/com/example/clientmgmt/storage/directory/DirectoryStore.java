package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.LicenceChange;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.SearchText;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.project.HistoryLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directory ("Bottin"): people, their licences, and the word items that make search a key query.
 * Every person write bumps {@code ver} and is conditioned on the version read, so concurrent edits cannot
 * leave the search words out of step with the person.
 */
@Singleton
public class DirectoryStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final HistoryLog history;
    /** At most this many word items, and this many people, one search request reads. */
    private final int searchReads;

    public DirectoryStore(DynamoDbClient dynamo, TableConfig table, HistoryLog history,
                          @Value("${directory.search.reads:200}") int searchReads) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.history = history;
        this.searchReads = searchReads;
    }

    /** A person with the version their next write must be conditioned on. */
    public record Versioned(Person person, long version) {}

    /** Adds a person and their search words in one transaction. */
    public void add(Person person) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(PersonItem.item(person, 1), "attribute_not_exists(pk)", null));
        SearchText.indexedWords(person).forEach(w -> writes.add(put(SearchWordItem.item(person.orgId(), w, person.id()), null, null)));
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    public Optional<Versioned> find(String orgId, String personId) {
        if (!Ids.isWellFormed(personId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(PersonItem.key(orgId, personId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Versioned(PersonItem.toPerson(item), PersonItem.version(item)));
    }

    /** Several people at once (one BatchGetItem per 100), keyed by id; unknown ids are simply absent. */
    public Map<String, Person> findAll(String orgId, Set<String> personIds) {
        Map<String, Person> found = new HashMap<>();
        BatchReads.getAll(dynamo, table, personIds.stream().filter(Ids::isWellFormed).map(id -> PersonItem.key(orgId, id)).toList())
                .stream().map(PersonItem::toPerson).forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** The directory in name order (index ByName), one page. */
    public Page<Person> list(String orgId, String cursor, int limit) {
        String after = Cursor.decode(cursor, PersonItem::isNamePosition);
        QueryResponse response = dynamo.query(byName(orgId, after, limit));
        List<Person> people = response.items().stream().map(PersonItem::toPerson).toList();
        String next = Queries.hasMore(response) && !response.items().isEmpty()
                ? Cursor.encode(PersonItem.sortKeyOf(response.items().get(response.items().size() - 1))) : null;
        return new Page<>(people, next);
    }

    private QueryRequest byName(String orgId, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.BY_NAME)
                .keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", PersonItem.directoryPartition(orgId)))
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(PersonItem.indexKey(orgId, after));
        }
        return query.build();
    }

    /**
     * People whose name or company has words starting with every word of the query, each once, in name order, page
     * after page, reading at most {@code searchReads} items of each kind per request. The cursor is a name-order
     * position (the last person's name key), so each page is "the next matches after it" whichever way it was found:
     * <ul>
     * <li>when the query's longest word starts at most {@code searchReads} words of the directory (its word items,
     * read in one bounded query), those people are read in one batch, filtered on every word, sorted, and the page is
     * the next {@code limit} of them;</li>
     * <li>otherwise (a one-letter query in a large directory) the directory is walked in name order from the cursor,
     * filtered on every word, for at most {@code searchReads} people: when that budget runs out before the page is
     * full, the page is shorter and its cursor goes on from the last person read.</li>
     * </ul>
     */
    public Page<Person> search(String orgId, String text, String cursor, int limit) {
        List<String> words = List.copyOf(SearchText.words(text));
        if (words.isEmpty()) {
            return list(orgId, cursor, limit);
        }
        String longest = words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        String after = Cursor.decode(cursor, PersonItem::isNamePosition);
        QueryResponse wordItems = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p AND begins_with(sk, :w)")
                .expressionAttributeValues(Map.of(":p", SearchWordItem.partition(orgId), ":w", AttributeValue.fromS(longest)))
                .limit(searchReads).build());
        if (Queries.hasMore(wordItems)) {
            return walkByName(orgId, words, after, limit);
        }
        Set<String> ids = new LinkedHashSet<>();
        wordItems.items().forEach(item -> ids.add(SearchWordItem.personId(item)));
        Map<String, Person> people = findAll(orgId, ids);
        List<Person> matches = ids.stream().map(people::get)
                .filter(p -> p != null && SearchText.matches(words, p))
                .sorted(Comparator.comparing(PersonItem::sortKey))
                .filter(p -> after == null || PersonItem.sortKey(p).compareTo(after) > 0)
                .toList();
        List<Person> page = matches.subList(0, Math.min(limit, matches.size()));
        String next = matches.size() > limit ? Cursor.encode(PersonItem.sortKey(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    /** The next matches after {@code after} in name order, reading at most {@code searchReads} people. */
    private Page<Person> walkByName(String orgId, List<String> words, String after, int limit) {
        List<Person> page = new ArrayList<>();
        String position = after;
        int budget = searchReads;
        while (budget > 0) {
            QueryResponse response = dynamo.query(byName(orgId, position, budget));
            budget -= response.items().size();
            for (Map<String, AttributeValue> item : response.items()) {
                position = PersonItem.sortKeyOf(item);
                Person person = PersonItem.toPerson(item);
                if (SearchText.matches(words, person)) {
                    page.add(person);
                    if (page.size() == limit) {
                        return new Page<>(page, Cursor.encode(position));
                    }
                }
            }
            if (!Queries.hasMore(response) || response.items().isEmpty()) {
                return new Page<>(page, null);
            }
        }
        return new Page<>(page, Cursor.encode(position)); // the budget ran out: a shorter page, and where to go on
    }

    /**
     * Changes a person's details and their search words, if still at {@code version}. Only the details are
     * written: the licence and {@code contactOf} stay as they are now, whatever a concurrent contact assignment
     * or removal did to them since {@code before} was read (a whole-item rewrite would undo it).
     */
    public void edit(Versioned before, Person after) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Expressions details = new Expressions().increment(PersonItem.VERSION);
        PersonItem.details(after).forEach(details::set);
        details.condition(details.name(PersonItem.VERSION) + " = " + details.value(Attrs.n(before.version())));
        writes.add(details.transactUpdate(table, PersonItem.key(after.orgId(), after.id())));
        SearchText.Reindex words = SearchText.reindex(before.person(), after);
        for (String w : words.removed()) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(SearchWordItem.key(after.orgId(), w, after.id())).build()).build());
        }
        for (String w : words.added()) {
            writes.add(put(SearchWordItem.item(after.orgId(), w, after.id()), null, null));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw ProblemException.concurrentChange();
        }
    }

    /**
     * Writes a licence change as {@link LicenceChange} decided it, if the person is still at the version read, with its
     * entry in the person's history (by {@code caller}); when the change says so, only while the person is nobody's
     * contact (held by the condition, against a contact assignment racing it).
     */
    public void setLicence(Versioned before, LicenceChange change, Caller caller, Instant at) {
        Person person = before.person();
        Expressions e = new Expressions().set(PersonItem.LICENCE, PersonItem.licence(change.to())).increment(PersonItem.VERSION);
        e.condition(e.name(PersonItem.VERSION) + " = " + e.value(Attrs.n(before.version())));
        if (change.onlyWhileNobodysContact()) {
            String contactOf = e.name(ClientContactItem.CONTACT_OF);
            e.condition("(attribute_not_exists(" + contactOf + ") OR size(" + contactOf + ") = " + e.value(Attrs.n(0)) + ")");
        }
        TransactWriteItem entry = history.personChange(person.orgId(), person.id(), caller, at)
                .entry(change.historyLine());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(e.transactUpdate(table, PersonItem.key(person.orgId(), person.id())), entry));
        } catch (TransactionCanceledException refused) {
            throw ProblemException.concurrentChange();
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition).expressionAttributeValues(values).build()).build();
    }
}
