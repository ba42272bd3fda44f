package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's in-app notifications: one partition per user ({@code ORG#o#NOTIFY#u}), sorted by creation, so
 * "newest first" is one descending query and only the recipient's own key can reach an item.
 */
@Singleton
public class NotificationStore {
    private static final Pattern ID = Pattern.compile("\\d{13}\\.[0-9A-HJKMNP-TV-Z]{26}\\.\\d{1,19}");
    private final DynamoDbClient dynamo;
    private final String table;

    public NotificationStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    static String pk(String orgId, String userId) {
        return "ORG#" + orgId + "#NOTIFY#" + userId;
    }

    /** Creation time first, so that ids (and keys) sort newest last; the document and arming make it unique. */
    static String id(Instant createdAt, String documentId, long armedVer) {
        return String.format("%013d.%s.%d", createdAt.toEpochMilli(), documentId, armedVer);
    }

    static String sk(String id) {
        return "NOTIF#" + id;
    }

    public ProjectStore.Page<Notification> page(Caller caller, String cursor, int limit) {
        String after = Cursor.decode(cursor, c -> ID.matcher(c).matches());
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(caller.orgId(), caller.userId())),
                        ":prefix", AttributeValue.fromS("NOTIF#")))
                .scanIndexForward(false)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Map.of(Keys.PK, AttributeValue.fromS(pk(caller.orgId(), caller.userId())),
                    Keys.SK, AttributeValue.fromS(sk(after))));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Notification> items = response.items().stream().map(NotificationStore::toNotification).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty();
        return new ProjectStore.Page<>(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    /** Marks one of the caller's notifications read; false when the caller has no such notification. */
    public boolean markRead(Caller caller, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(Map.of(Keys.PK, AttributeValue.fromS(pk(caller.orgId(), caller.userId())), Keys.SK, AttributeValue.fromS(sk(id))))
                    .updateExpression("SET #read = :true")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#read", "read"))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Notification toNotification(Map<String, AttributeValue> i) {
        AttributeValue read = i.get("read");
        String date = Attrs.str(i, "reminderDate");
        return new Notification(Attrs.str(i, "id"), Attrs.str(i, "type"), Attrs.str(i, "projectId"), Attrs.str(i, "projectName"),
                Attrs.str(i, "documentId"), Attrs.str(i, "title"), date == null ? null : LocalDate.parse(date),
                Attrs.str(i, "reminderNote"), Attrs.instant(i, "createdAt"), read != null && Boolean.TRUE.equals(read.bool()));
    }
}
