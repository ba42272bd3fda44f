package com.example.clientmgmt.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Strongly consistent BatchGetItem of any number of keys: 100 per request, unprocessed keys asked again. */
public final class BatchReads {
    static final int MAX_KEYS = 100;

    private BatchReads() {}

    public static List<Map<String, AttributeValue>> getAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> left = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
            while (!left.isEmpty()) {
                List<Map<String, AttributeValue>> request = left;
                BatchGetItemResponse got = dynamo.batchGetItem(b -> b.requestItems(
                        Map.of(table, KeysAndAttributes.builder().keys(request).consistentRead(true).build())));
                items.addAll(got.responses().getOrDefault(table, List.of()));
                KeysAndAttributes unprocessed = got.unprocessedKeys().get(table);
                left = unprocessed == null ? List.of() : unprocessed.keys();
            }
        }
        return items;
    }
}
