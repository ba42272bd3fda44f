package com.example.clientmgmt.storage.calendar;

import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Users' calendar feeds: creating or rotating one (the hash of its secret replaces the previous one), and finding whose
 * feed a secret's hash opens — the index names a candidate, the item itself (read strongly consistent) confirms it
 * still holds that hash, so a rotated secret stops working at once even while the index catches up.
 */
@Singleton
public class CalendarStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public CalendarStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** The feed's owner. */
    public record Owner(String orgId, String userId) {}

    public void rotate(String orgId, String userId, String hash, Instant at) {
        dynamo.putItem(b -> b.tableName(table).item(CalendarItem.item(orgId, userId, hash, at)));
    }

    /** Whose feed {@code hash} opens, if anyone's (two requests: the index, then the item). */
    public Optional<Owner> owner(String hash) {
        var found = dynamo.query(b -> b.tableName(table).indexName(Keys.LOOKUP).keyConditionExpression("lpk = :h")
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(Keys.calendarLookup(hash)))).limit(1)).items();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String orgId = Attrs.str(found.get(0), CalendarItem.ORG);
        String userId = Attrs.str(found.get(0), CalendarItem.USER);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CalendarItem.key(orgId, userId))).item();
        return item != null && hash.equals(CalendarItem.hash(item)) ? Optional.of(new Owner(orgId, userId)) : Optional.empty();
    }
}
