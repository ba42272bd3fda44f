package com.example.clientmgmt.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's 400 KB item limit. Every item that grows is capped in the domain (members, versions, a person's contact
 * roles) and {@code ItemSizeBudgetTest} proves the largest item those caps allow stays well under it; should a write
 * still be refused for its size, {@link #refused} recognizes it so that the caller gets a clear 409, not a 500.
 */
public final class ItemSizeLimit {
    /** DynamoDB's limit: attribute names and values, in bytes. */
    public static final int MAX_BYTES = 400 * 1024;

    private ItemSizeLimit() {}

    /** Whether {@code e} (or a cause) is DynamoDB refusing a write because an item would exceed {@link #MAX_BYTES}. */
    public static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionCanceledException canceled && canceled.hasCancellationReasons()
                    && canceled.cancellationReasons().stream().anyMatch(r -> "ValidationError".equals(r.code()) && aboutSize(r.message()))) {
                return true;
            }
            if (t instanceof DynamoDbException dynamo && dynamo.statusCode() == 400 && aboutSize(dynamo.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean aboutSize(String message) {
        return message != null && message.contains("Item size") && message.contains("exceeded the maximum allowed size");
    }

    /**
     * An upper bound of {@code item}'s size as DynamoDB counts it: each attribute's name and value in UTF-8, a number
     * as at most 21 bytes, a map or list with 3 bytes of its own and 1 per element (AWS "Item sizes and formats").
     */
    public static int sizeOf(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + sizeOf(attribute.getValue());
        }
        return size;
    }

    private static int sizeOf(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return 21;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToInt(ItemSizeLimit::utf8).sum();
        }
        if (value.hasNs()) {
            return 21 * value.ns().size();
        }
        if (value.hasM()) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + sizeOf(e.getValue());
            }
            return size;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + sizeOf(v)).sum();
        }
        return value.b() == null ? 0 : value.b().asByteArray().length;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
