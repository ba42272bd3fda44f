package com.example.clientmgmt.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** What every paged query asks of its answer, and the batch jobs' page-by-page reading. */
public final class Queries {
    private Queries() {}

    /** A filter names at most this many values in one IN (DynamoDB's limit); more are filtered by the reader. */
    public static final int MAX_IN_VALUES = 100;

    /**
     * The filter {@code name IN (:prefix0, :prefix1, …)} of {@code allowed} (at most {@link #MAX_IN_VALUES}), its
     * placeholders' values put in {@code values}.
     */
    public static String in(String name, java.util.Collection<String> allowed, String prefix, Map<String, AttributeValue> values) {
        if (allowed.size() > MAX_IN_VALUES) {
            throw new IllegalArgumentException("at most " + MAX_IN_VALUES + " values in a filter, not " + allowed.size());
        }
        List<String> placeholders = new java.util.ArrayList<>();
        for (String value : allowed) {
            String placeholder = prefix + placeholders.size();
            placeholders.add(placeholder);
            values.put(placeholder, AttributeValue.fromS(value));
        }
        return name + " IN (" + String.join(", ", placeholders) + ")";
    }

    /** True when DynamoDB stopped before the end of the key range: another page may follow. */
    public static boolean hasMore(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }

    /**
     * Every page of {@code query}, each mapped item by item. A page is requested only when the caller asks
     * for it, after handling the previous one, so what that handling changed is not read again.
     */
    public static <T> Iterable<List<T>> pages(DynamoDbClient dynamo, QueryRequest query, Function<Map<String, AttributeValue>, T> mapping) {
        return () -> new Iterator<>() {
            private Map<String, AttributeValue> start = null;
            private boolean done = false;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                QueryResponse response = dynamo.query(start == null ? query : query.toBuilder().exclusiveStartKey(start).build());
                start = hasMore(response) ? response.lastEvaluatedKey() : null;
                done = start == null;
                return response.items().stream().map(mapping).toList();
            }
        };
    }

    /**
     * The pages of {@code parts} taking turns: the first page of each, then the second of each, and so on (a part with
     * no more pages drops out); each page read only when asked for. A reader that stops early has read the start of
     * every part, not all of the first ones.
     */
    public static <T> Iterable<List<T>> interleaved(List<Iterable<List<T>>> parts) {
        return () -> new Iterator<>() {
            private final java.util.ArrayDeque<Iterator<List<T>>> turns = new java.util.ArrayDeque<>(
                    parts.stream().map(Iterable::iterator).toList());

            @Override
            public boolean hasNext() {
                while (!turns.isEmpty() && !turns.peekFirst().hasNext()) {
                    turns.pollFirst();
                }
                return !turns.isEmpty();
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Iterator<List<T>> part = turns.pollFirst();
                List<T> page = part.next();
                turns.addLast(part);
                return page;
            }
        };
    }
}
