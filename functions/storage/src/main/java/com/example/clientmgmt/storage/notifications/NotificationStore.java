package com.example.clientmgmt.storage.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.platform.TableConfig;
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

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users' in-app notifications: written by the reminder sweep and the upload check (a renewal), listed newest
 * first (one descending query of the recipient's partition, or of their unread list), and marked read by their
 * recipient. What the recipient may still see of them, how many are unread and "mark all read" are the inbox's
 * ({@code notifications} function), which reads these pages.
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
     * Writes one recipient's notification of a fired occurrence, unread. Its id comes from the reminder's arming and
     * this occurrence's first claim, so writing it again (a retried or taken-over run) changes nothing and keeps the
     * read mark.
     */
    public void recordReminder(ReminderStore.Occurrence occurrence, Context context, String userId) {
        var d = occurrence.due().document();
        String id = NotificationItem.id(occurrence.firstClaim(), d.id(), occurrence.due().armedVer());
        Notification notification = new Notification(id, Notification.DOCUMENT_REMINDER, context.organizationName(), d.projectId(),
                context.projectName(), d.id(), d.title(), d.kind(), occurrence.reminder().date(), occurrence.reminder().note(),
                occurrence.day(), occurrence.firstClaim(), false);
        firstWrite(d.orgId(), userId, notification, occurrence.idempotencyKey());
    }

    /**
     * Writes one recipient's notification of a requirement at risk ({@link Notification#REQUIREMENT_AT_RISK}; its id is
     * set here), unread. The id comes from the warning alone ({@link NotificationItem#atRiskId}: its time, project,
     * requirement and day), so writing it again (a retried sweep) changes nothing and keeps the read mark.
     */
    public void recordAtRisk(String orgId, Notification n, String userId, String idempotencyKey) {
        String id = NotificationItem.atRiskId(n.createdAt(), n.projectId(), n.requirementId(), n.reminderDate());
        firstWrite(orgId, userId, new Notification(id, n.type(), n.organizationName(), n.projectId(), n.projectName(), n.documentId(),
                n.title(), n.kind(), n.reminderDate(), n.reminderNote(), n.occurrence(), n.createdAt(), n.read(), n.requirementId()),
                idempotencyKey);
    }

    private void firstWrite(String orgId, String userId, Notification notification, String idempotencyKey) {
        try {
            dynamo.updateItem(NotificationItem.firstWrite(orgId, userId, notification, idempotencyKey)
                    .updateItem(table, NotificationItem.key(orgId, userId, notification.id())).build());
        } catch (ConditionalCheckFailedException written) {
            // written by an earlier try of the same occurrence: kept as it is, read or not
        }
    }

    /**
     * A page of the caller's notifications, newest first: one descending query of the caller's partition, or with
     * {@code unreadOnly} of the caller's unread list (index Lookup), which holds the unread ones only. Index pages read
     * what was unread a moment ago (the index follows the table within about a second).
     */
    public Page<Notification> page(Caller caller, String cursor, int limit, boolean unreadOnly) {
        String after = Cursor.decode(cursor, NotificationItem::isWellFormedId);
        QueryRequest.Builder query = (unreadOnly ? unreadQuery(caller) : ownQuery(caller)).scanIndexForward(false).limit(limit);
        if (after != null) {
            query.exclusiveStartKey(unreadOnly ? NotificationItem.unreadKey(caller.orgId(), caller.userId(), after)
                    : NotificationItem.key(caller.orgId(), caller.userId(), after));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Notification> items = response.items().stream().map(NotificationItem::toNotification).toList();
        return new Page<>(items, Queries.hasMore(response) ? Cursor.encode(NotificationItem.idOf(response.lastEvaluatedKey())) : null);
    }

    /** One of the caller's notifications, or empty when the caller has no such notification. */
    public Optional<Notification> find(Caller caller, String id) {
        if (!NotificationItem.isWellFormedId(id)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(NotificationItem.key(caller.orgId(), caller.userId(), id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(NotificationItem.toNotification(item));
    }

    private QueryRequest.Builder ownQuery(Caller caller) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", NotificationItem.partition(caller.orgId(), caller.userId()),
                        ":prefix", NotificationItem.prefix()));
    }

    private QueryRequest.Builder unreadQuery(Caller caller) {
        return QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("#lpk = :lpk")
                .expressionAttributeNames(Map.of("#lpk", Keys.LOOKUP_PK))
                .expressionAttributeValues(Map.of(":lpk", AttributeValue.fromS(Keys.unreadPk(caller.orgId(), caller.userId()))));
    }

    /** Marks one of the caller's notifications read (again, if it was); false when the caller has no such notification. */
    public boolean markRead(Caller caller, String id) {
        return mark(caller, id, false);
    }

    /**
     * Marks one of the caller's notifications read if it is unread; false when it was read already (or is not there):
     * what "mark all read" counts, so that an index that still lists one marked a moment ago does not count it twice.
     */
    public boolean markReadIfUnread(Caller caller, String id) {
        return mark(caller, id, true);
    }

    private boolean mark(Caller caller, String id, boolean onlyIfUnread) {
        if (!NotificationItem.isWellFormedId(id)) {
            return false;
        }
        Expressions e = NotificationItem.markRead();
        e.condition("attribute_exists(" + e.name(Keys.PK) + ")");
        if (onlyIfUnread) {
            e.condition(e.name(NotificationItem.READ) + " = " + e.value(AttributeValue.fromBool(false)));
        }
        try {
            dynamo.updateItem(e.updateItem(table, NotificationItem.key(caller.orgId(), caller.userId(), id)).build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
