package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Project;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Table access of the reminder sweep. A reminder is a document item in the sparse DueReminders index
 * (it has {@code duePk}/{@code dueAt} while armed). Firing is: claim (conditional write with a lease),
 * publish, then complete — one transaction that writes the recipients' notifications and takes the
 * document out of the index, only if this run still holds the claim on the same arming.
 */
@Singleton
public class ReminderStore {
    /** A claim older than this belongs to a run that died: another run may take the reminder over. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
    /** DynamoDB's limit on one transaction, less the document's own update. */
    static final int MAX_RECIPIENTS_PER_TRANSACTION = 99;

    private final DynamoDbClient dynamo;
    private final String table;

    public ReminderStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** A due reminder as the index holds it: the document and the arming it belongs to. */
    public record DueReminder(AdminDocument document, long armedVer, String dueAt) {
        /** Stable across retries and runs: consumers of the event use it to drop duplicates. */
        public String idempotencyKey() {
            return "reminder/" + document.orgId() + "/" + document.projectId() + "/" + document.id() + "/"
                    + document.reminderDate() + "/" + armedVer;
        }
    }

    public record DuePage(List<DueReminder> reminders, Map<String, AttributeValue> next) {}

    /** One page of the reminders of a shard due at or before {@code now} (an index query: only what is due). */
    public DuePage due(String shard, Instant now, Map<String, AttributeValue> start, int limit) {
        QueryResponse response = dynamo.query(q -> {
            q.tableName(table).indexName("DueReminders")
                    .keyConditionExpression("duePk = :shard AND dueAt <= :now")
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard),
                            ":now", AttributeValue.fromS(DocumentStore.dueText(now))))
                    .limit(limit);
            if (start != null) {
                q.exclusiveStartKey(start);
            }
        });
        List<DueReminder> reminders = response.items().stream()
                .map(i -> new DueReminder(DocumentStore.toDocument(i), Attrs.num(i, "armedVer"), Attrs.str(i, "dueAt")))
                .toList();
        Map<String, AttributeValue> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
        return new DuePage(reminders, next);
    }

    /**
     * Claims a reminder for {@code runId}: only while it is still armed the same way, and nobody holds a
     * live claim on it. False when another run has it, or it fired or changed meanwhile.
     */
    public boolean claim(DueReminder reminder, String runId, Instant now) {
        AdminDocument d = reminder.document();
        try {
            dynamo.updateItem(u -> u.tableName(table).key(DocumentStore.documentKey(d.orgId(), d.projectId(), d.id()))
                    .updateExpression("SET claimedBy = :run, claimedAt = :now")
                    .conditionExpression("armedVer = :armed AND attribute_exists(dueAt) "
                            + "AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)")
                    .expressionAttributeValues(Map.of(":run", AttributeValue.fromS(runId),
                            ":now", AttributeValue.fromS(now.toString()),
                            ":stale", AttributeValue.fromS(now.minus(CLAIM_LEASE).toString()),
                            ":armed", Attrs.n(reminder.armedVer()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Completes a published reminder: one notification per recipient and the document out of the due
     * index, in one transaction, only while {@code runId} still holds the claim on this arming.
     * False when it no longer does (the other holder completes it).
     */
    public boolean complete(DueReminder reminder, String runId, Project project, List<String> recipients, Instant now) {
        AdminDocument d = reminder.document();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(DocumentStore.documentKey(d.orgId(), d.projectId(), d.id()))
                .updateExpression("SET firedFor = :date, firedAt = :now REMOVE duePk, dueAt, claimedBy, claimedAt")
                .conditionExpression("claimedBy = :run AND armedVer = :armed")
                .expressionAttributeValues(Map.of(":date", AttributeValue.fromS(d.reminderDate().toString()),
                        ":now", AttributeValue.fromS(now.toString()), ":run", AttributeValue.fromS(runId),
                        ":armed", Attrs.n(reminder.armedVer())))
                .build()).build());
        List<Put> notifications = recipients.stream().map(user -> notificationPut(user, reminder, project, now)).toList();
        notifications.stream().limit(MAX_RECIPIENTS_PER_TRANSACTION)
                .forEach(p -> writes.add(TransactWriteItem.builder().put(p).build()));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            return false;
        }
        // a project with more ADMINs than one transaction holds: the rest, idempotent (same keys)
        notifications.stream().skip(MAX_RECIPIENTS_PER_TRANSACTION)
                .forEach(p -> dynamo.putItem(b -> b.tableName(table).item(p.item())));
        return true;
    }

    private Put notificationPut(String userId, DueReminder reminder, Project project, Instant now) {
        AdminDocument d = reminder.document();
        String id = NotificationStore.id(now, d.id(), reminder.armedVer());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(NotificationStore.pk(d.orgId(), userId)));
        item.put(Keys.SK, AttributeValue.fromS(NotificationStore.sk(id)));
        item.put("type", AttributeValue.fromS(Notification.DOCUMENT_REMINDER));
        item.put("id", AttributeValue.fromS(id));
        item.put("projectId", AttributeValue.fromS(d.projectId()));
        item.put("projectName", AttributeValue.fromS(project.name()));
        item.put("documentId", AttributeValue.fromS(d.id()));
        item.put("title", AttributeValue.fromS(d.title()));
        item.put("reminderDate", AttributeValue.fromS(d.reminderDate().toString()));
        if (d.reminderNote() != null) {
            item.put("reminderNote", AttributeValue.fromS(d.reminderNote()));
        }
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put("read", AttributeValue.fromBool(false));
        item.put("idempotencyKey", AttributeValue.fromS(reminder.idempotencyKey()));
        return Put.builder().tableName(table).item(item).build();
    }
}
