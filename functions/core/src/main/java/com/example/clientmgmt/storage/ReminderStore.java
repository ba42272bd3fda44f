package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Notification;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table access of the reminder sweep. A reminder is a document item in the sparse DueReminders index
 * (it has {@code duePk}/{@code dueAt} while armed). Firing is: claim (conditional write with a lease),
 * publish, write each recipient's notification (idempotent: its key comes from the arming and the first
 * claim), then complete — take the document out of the index, only if this run still holds the claim on
 * the same arming. A run that dies anywhere leaves a claim that lapses; the next run redoes the same
 * steps with the same keys, so nothing is lost and no notification is doubled.
 */
@Singleton
public class ReminderStore {
    /** A claim older than this belongs to a run that died: another run may take the reminder over. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

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
     * Claims a reminder for {@code runId}: only while it is still armed the same way and nobody holds a live
     * claim on it. Returns the time of the first claim of this arming (kept across takeovers: it names the
     * notifications, so that a run taking over writes the same ones), or empty when another run has it, or
     * it fired or changed meanwhile.
     */
    public Optional<Instant> claim(DueReminder reminder, String runId, Instant now) {
        AdminDocument d = reminder.document();
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(u -> u.tableName(table)
                    .key(DocumentStore.documentKey(d.orgId(), d.projectId(), d.id()))
                    .updateExpression("SET claimedBy = :run, claimedAt = :now, firstClaimedAt = if_not_exists(firstClaimedAt, :now)")
                    .conditionExpression("armedVer = :armed AND attribute_exists(dueAt) "
                            + "AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)")
                    .expressionAttributeValues(Map.of(":run", AttributeValue.fromS(runId),
                            ":now", AttributeValue.fromS(now.toString()),
                            ":stale", AttributeValue.fromS(now.minus(CLAIM_LEASE).toString()),
                            ":armed", Attrs.n(reminder.armedVer())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(Attrs.instant(item, "firstClaimedAt"));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes one recipient's notification. Its key comes from the reminder's arming and first claim, so
     * writing it again (a retried or taken-over run) changes nothing, and keeps a read mark.
     */
    public void notify(DueReminder reminder, Instant firstClaimedAt, String projectName, String userId) {
        AdminDocument d = reminder.document();
        String id = NotificationStore.id(firstClaimedAt, d.id(), reminder.armedVer());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", AttributeValue.fromS(Notification.DOCUMENT_REMINDER));
        values.put(":id", AttributeValue.fromS(id));
        values.put(":project", AttributeValue.fromS(d.projectId()));
        values.put(":projectName", AttributeValue.fromS(projectName));
        values.put(":document", AttributeValue.fromS(d.id()));
        values.put(":title", AttributeValue.fromS(d.title()));
        values.put(":date", AttributeValue.fromS(d.reminderDate().toString()));
        values.put(":note", Attrs.s(d.reminderNote()));
        values.put(":created", AttributeValue.fromS(firstClaimedAt.toString()));
        values.put(":false", AttributeValue.fromBool(false));
        values.put(":key", AttributeValue.fromS(reminder.idempotencyKey()));
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(NotificationStore.pk(d.orgId(), userId)),
                        Keys.SK, AttributeValue.fromS(NotificationStore.sk(id))))
                .updateExpression("SET #type = :type, id = :id, projectId = :project, projectName = :projectName, "
                        + "documentId = :document, title = :title, reminderDate = :date, reminderNote = :note, "
                        + "createdAt = :created, idempotencyKey = :key, #read = if_not_exists(#read, :false)")
                .expressionAttributeNames(Map.of("#type", "type", "#read", "read"))
                .expressionAttributeValues(values));
    }

    /**
     * Completes a published and notified reminder: takes the document out of the due index, only while
     * {@code runId} still holds the claim on this arming. False when it no longer does (the run that took
     * it over completes it, writing the same notifications).
     */
    public boolean complete(DueReminder reminder, String runId, Instant now) {
        AdminDocument d = reminder.document();
        try {
            dynamo.updateItem(u -> u.tableName(table).key(DocumentStore.documentKey(d.orgId(), d.projectId(), d.id()))
                    .updateExpression("SET firedFor = :date, firedAt = :now REMOVE duePk, dueAt, claimedBy, claimedAt, firstClaimedAt")
                    .conditionExpression("claimedBy = :run AND armedVer = :armed")
                    .expressionAttributeValues(Map.of(":date", AttributeValue.fromS(d.reminderDate().toString()),
                            ":now", AttributeValue.fromS(now.toString()), ":run", AttributeValue.fromS(runId),
                            ":armed", Attrs.n(reminder.armedVer()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
