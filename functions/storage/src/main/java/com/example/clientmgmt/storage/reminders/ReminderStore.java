package com.example.clientmgmt.storage.reminders;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.notifications.NotificationStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reminder tick's and workers' table access. A reminder is armed while its document item is in the sparse
 * DueReminders index (see {@link ReminderItem}), due at its next occurrence. Firing an occurrence is: claim
 * (conditional write with a lease, on the arming and the occurrence the index showed), publish, write each
 * recipient's notification (idempotent, see {@link NotificationStore#recordReminder}), then complete — move
 * the reminder to its next occurrence or out of the index, only if this run still holds the claim on the
 * same arming. A run that dies anywhere leaves a claim that lapses; the next run redoes the same steps with
 * the same keys, so nothing is lost and no notification is doubled.
 */
@Singleton
public class ReminderStore {
    /**
     * A claim older than this belongs to a run that died: another run may take the reminder over. Longer than a
     * reminder worker's timeout (60 s, template.yaml), so that a live worker's claims never look stale; shorter than
     * the work queue's visibility timeout (360 s), so that the work item of a worker that died is taken over when
     * SQS delivers it again.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    private final DynamoDbClient dynamo;
    private final String table;

    public ReminderStore(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** A due reminder as the index holds it: the document, the arming it belongs to and the occurrence it waits for. */
    public record DueReminder(AdminDocument document, long armedVer, String dueAt) {
        /** Stable across retries and runs: consumers of the event use it to drop duplicates. One per occurrence. */
        public String idempotencyKey(LocalDate occurrence) {
            return "reminder/" + document.orgId() + "/" + document.projectId() + "/" + document.id() + "/" + occurrence + "/" + armedVer;
        }
    }

    /** One occurrence a run fires: the due reminder, the reminder it follows, the occurrence's day and its first claim. */
    public record Occurrence(DueReminder due, Reminder reminder, LocalDate day, Instant firstClaim) {
        public String idempotencyKey() {
            return due.idempotencyKey(day);
        }
    }

    /** Where a document is: what a work item names of each reminder (the worker reads the rest). */
    public record DocumentRef(String orgId, String projectId, String documentId) {
        public static DocumentRef of(AdminDocument d) {
            return new DocumentRef(d.orgId(), d.projectId(), d.id());
        }
    }

    /**
     * The reminders due at or before {@code now}, page by page (at most {@code pageSize} each), the shards taking
     * turns ({@link Queries#interleaved}: a reader that stops early has read the earliest due of every shard): index
     * queries that read only what is due. Each page is queried when the previous one has been handled, so what a
     * page's handling changes is not read again.
     */
    public Iterable<List<DueReminder>> due(Instant now, int pageSize) {
        List<Iterable<List<DueReminder>>> shards = new ArrayList<>();
        for (String shard : DueShards.all()) {
            shards.add(Queries.pages(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.DUE_REMINDERS)
                    .keyConditionExpression("duePk = :shard AND dueAt <= :now")
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard),
                            ":now", AttributeValue.fromS(ReminderItem.dueText(now))))
                    .limit(pageSize).build(),
                    i -> new DueReminder(DocumentItem.toDocument(i), ReminderItem.armedVersion(i), ReminderItem.dueAt(i))));
        }
        return Queries.interleaved(shards);
    }

    /**
     * Of the documents {@code refs} names, the reminders that are armed (in the due index) and due at or before
     * {@code now}, as stored now (strongly consistent BatchGetItem): what a work item's worker fires. A document gone,
     * disarmed, parked (closed project), already fired or moved to a later occurrence is left out, so a work item
     * handled twice, or late, fires nothing twice.
     */
    public List<DueReminder> stillDue(List<DocumentRef> refs, Instant now) {
        String limit = ReminderItem.dueText(now);
        return BatchReads.getAll(dynamo, table, refs.stream().distinct()
                        .map(r -> DocumentItem.key(r.orgId(), r.projectId(), r.documentId())).toList()).stream()
                .filter(i -> i.containsKey(Keys.DUE_PK) && i.containsKey(Keys.DUE_AT) && ReminderItem.dueAt(i).compareTo(limit) <= 0)
                .map(i -> new DueReminder(DocumentItem.toDocument(i), ReminderItem.armedVersion(i), ReminderItem.dueAt(i)))
                .toList();
    }

    /**
     * Claims a reminder's occurrence on {@code day} for {@code runId}: only while it is still armed the same
     * way, due when the index showed it, and nobody holds a live claim on it. Returns the occurrence as
     * first claimed (a run taking over a lapsed claim fires the same day, and its first claim's time names
     * the notifications, so that it writes the same ones and sends the same idempotency key), or empty when
     * another run has it, or it fired or changed meanwhile.
     */
    public Optional<Occurrence> claim(DueReminder due, Reminder reminder, LocalDate day, String runId, Instant now) {
        AttributeValue at = AttributeValue.fromS(now.toString());
        Expressions e = new Expressions()
                .set(ReminderItem.CLAIMED_BY, AttributeValue.fromS(runId))
                .set(ReminderItem.CLAIMED_AT, at)
                .setIfAbsent(ReminderItem.FIRST_CLAIMED_AT, at)
                .setIfAbsent(ReminderItem.CLAIMED_FOR, AttributeValue.fromS(day.toString()));
        String claimedAt = e.name(ReminderItem.CLAIMED_AT);
        e.condition(e.name(ReminderItem.ARMED_VERSION) + " = " + e.value(Attrs.n(due.armedVer())))
                .condition(e.name(Keys.DUE_AT) + " = " + e.value(AttributeValue.fromS(due.dueAt())))
                .condition("(attribute_not_exists(" + claimedAt + ") OR " + claimedAt + " < "
                        + e.value(AttributeValue.fromS(now.minus(CLAIM_LEASE).toString())) + ")");
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(e.updateItem(table, key(due))
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return Optional.of(new Occurrence(due, reminder, ReminderItem.claimedFor(item), ReminderItem.firstClaimedAt(item)));
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    /**
     * Completes a published and notified occurrence: records it, and moves the reminder to its next occurrence
     * ({@code nextDue}), or takes it out of the due index after its last one; only while {@code runId} still
     * holds the claim on this arming. False when it no longer does (the run that took it over completes it,
     * writing the same notifications).
     */
    public boolean complete(Occurrence occurrence, String runId, Instant now, Instant nextDue) {
        DueReminder reminder = occurrence.due();
        Expressions e = new Expressions()
                .set(ReminderItem.FIRED_FOR, AttributeValue.fromS(occurrence.day().toString()))
                .set(ReminderItem.FIRED_AT, AttributeValue.fromS(now.toString()))
                .remove(ReminderItem.CLAIM);
        if (nextDue == null) {
            e.remove(Keys.DUE_PK, Keys.DUE_AT);
        } else {
            e.set(Keys.DUE_AT, AttributeValue.fromS(ReminderItem.dueText(nextDue)));
        }
        e.condition(e.name(ReminderItem.CLAIMED_BY) + " = " + e.value(AttributeValue.fromS(runId)))
                .condition(e.name(ReminderItem.ARMED_VERSION) + " = " + e.value(Attrs.n(reminder.armedVer())));
        try {
            dynamo.updateItem(e.updateItem(table, key(reminder)).build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(DueReminder reminder) {
        AdminDocument d = reminder.document();
        return DocumentItem.key(d.orgId(), d.projectId(), d.id());
    }
}
