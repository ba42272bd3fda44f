package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.platform.TableConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Users' in-app notifications: written by the reminder sweep, listed newest first (one descending query
 * of the recipient's partition) and marked read by their recipient.
 */
@Singleton
public class NotificationStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public NotificationStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /**
     * Writes one recipient's notification of a fired reminder. Its id comes from the reminder's arming and
     * first claim, so writing it again (a retried or taken-over run) changes nothing and keeps the read mark.
     */
    public void recordReminder(ReminderStore.DueReminder reminder, Instant firstClaimedAt, String projectName, String userId) {
        var d = reminder.document();
        String id = NotificationItem.id(firstClaimedAt, d.id(), reminder.armedVer());
        Notification notification = new Notification(id, Notification.DOCUMENT_REMINDER, d.projectId(), projectName,
                d.id(), d.title(), d.reminderDate(), d.reminderNote(), firstClaimedAt, false);
        dynamo.updateItem(NotificationItem.reminder(notification, reminder.idempotencyKey())
                .updateItem(table, NotificationItem.key(d.orgId(), userId, id)).build());
    }

    public Page<Notification> page(Caller caller, String cursor, int limit) {
        String after = Cursor.decode(cursor, NotificationItem::isWellFormedId);
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", NotificationItem.partition(caller.orgId(), caller.userId()),
                        ":prefix", NotificationItem.prefix()))
                .scanIndexForward(false)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(NotificationItem.key(caller.orgId(), caller.userId(), after));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Notification> items = response.items().stream().map(NotificationItem::toNotification).toList();
        boolean more = Queries.hasMore(response) && !items.isEmpty();
        return new Page<>(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    /** Marks one of the caller's notifications read; false when the caller has no such notification. */
    public boolean markRead(Caller caller, String id) {
        if (!NotificationItem.isWellFormedId(id)) {
            return false;
        }
        Expressions e = new Expressions().set(NotificationItem.READ, AttributeValue.fromBool(true));
        e.condition("attribute_exists(" + e.name(Keys.PK) + ")");
        try {
            dynamo.updateItem(e.updateItem(table, NotificationItem.key(caller.orgId(), caller.userId(), id)).build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
