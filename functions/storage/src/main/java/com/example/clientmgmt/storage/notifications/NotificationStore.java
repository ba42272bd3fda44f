package com.example.clientmgmt.storage.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Cursor;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.reminders.ReminderStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.List;
import java.util.Map;

/**
 * Users' in-app notifications: written by the reminder sweep and the upload check (a renewal), listed newest
 * first (one descending query of the recipient's partition, all or only the unread ones), counted, and
 * marked read by their recipient (one, or all).
 */
@Singleton
public class NotificationStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public NotificationStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** Where a notification happens, by name: what makes it read on its own. */
    public record Context(String organizationName, String projectName) {}

    /**
     * Writes one recipient's notification of a fired occurrence. Its id comes from the reminder's arming and
     * this occurrence's first claim, so writing it again (a retried or taken-over run) changes nothing and
     * keeps the read mark.
     */
    public void recordReminder(ReminderStore.Occurrence occurrence, Context context, String userId) {
        var d = occurrence.due().document();
        String id = NotificationItem.id(occurrence.firstClaim(), d.id(), occurrence.due().armedVer());
        Notification notification = new Notification(id, Notification.DOCUMENT_REMINDER, context.organizationName(), d.projectId(),
                context.projectName(), d.id(), d.title(), d.kind(), occurrence.reminder().date(), occurrence.reminder().note(),
                occurrence.day(), occurrence.firstClaim(), false);
        dynamo.updateItem(NotificationItem.fields(notification, occurrence.idempotencyKey())
                .updateItem(table, NotificationItem.key(d.orgId(), userId, id)).build());
    }

    /**
     * A page of the caller's notifications, newest first; only the unread ones when {@code unreadOnly} (a
     * filter on the same query: a page may then come back shorter than {@code limit}, follow its cursor).
     */
    public Page<Notification> page(Caller caller, String cursor, int limit, boolean unreadOnly) {
        String after = Cursor.decode(cursor, NotificationItem::isWellFormedId);
        QueryRequest.Builder query = ownQuery(caller, unreadOnly).scanIndexForward(false).limit(limit);
        if (after != null) {
            query.exclusiveStartKey(NotificationItem.key(caller.orgId(), caller.userId(), after));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Notification> items = response.items().stream().map(NotificationItem::toNotification).toList();
        return new Page<>(items, Queries.hasMore(response) ? Cursor.encode(NotificationItem.idOf(response.lastEvaluatedKey())) : null);
    }

    /** How many of the caller's notifications are unread: a counting query of the caller's own partition. */
    public int unreadCount(Caller caller) {
        int count = 0;
        for (QueryResponse page : dynamo.queryPaginator(ownQuery(caller, true).select(Select.COUNT).build())) {
            count += page.count();
        }
        return count;
    }

    /**
     * Marks every unread notification of the caller read, newest first; returns how many. Each is its own
     * conditional write (one gone meanwhile is skipped), so that a very long list is marked as far as it goes.
     */
    public int markAllRead(Caller caller) {
        int marked = 0;
        for (QueryResponse page : dynamo.queryPaginator(ownQuery(caller, true).scanIndexForward(false)
                .projectionExpression("#id").expressionAttributeNames(Map.of("#read", NotificationItem.READ, "#id", "id")).build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                if (markRead(caller, Attrs.str(item, "id"))) {
                    marked++;
                }
            }
        }
        return marked;
    }

    private QueryRequest.Builder ownQuery(Caller caller, boolean unreadOnly) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":pk", NotificationItem.partition(caller.orgId(), caller.userId()), ":prefix", NotificationItem.prefix()));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)");
        if (unreadOnly) {
            values.put(":false", AttributeValue.fromBool(false));
            query.filterExpression("#read = :false").expressionAttributeNames(Map.of("#read", NotificationItem.READ));
        }
        return query.expressionAttributeValues(values);
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
