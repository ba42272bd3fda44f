package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.platform.TableConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin documents. User writes are transactions guarded by {@link ProjectGuard} (item 0), with their
 * history entries; the upload finalizer's writes are conditioned on the document still being
 * PENDING_UPLOAD, which makes duplicate or late S3 events change nothing.
 */
@Singleton
public class DocumentStore {
    /** A declared upload that never arrives disappears after this (DynamoDB TTL). */
    public static final Duration PENDING_LIFETIME = Duration.ofDays(1);
    /** A rejected document stays visible this long, so that the user learns why. */
    public static final Duration REJECTED_LIFETIME = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectReads reads;
    private final HistoryLog history;
    private final ReminderSchedule schedule;

    public DocumentStore(DynamoDbClient dynamo, TableConfig table, ProjectReads reads, HistoryLog history, ReminderSchedule schedule) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.reads = reads;
        this.history = history;
        this.schedule = schedule;
    }

    /** A project and one of its documents, with the document's version for conditional edits. */
    public record ProjectAndDocument(Project project, AdminDocument document, long version) {}

    /**
     * Stores a newly declared document with its history entry, guarded. PENDING_UPLOAD, it expires if the
     * upload never comes, and waits among the pending uploads until its URL expires ({@code uploadExpiresAt}),
     * when the reconciliation looks for its object if S3's event has not come.
     */
    public void declare(Caller caller, AdminDocument document, Instant at, Instant uploadExpiresAt) {
        Map<String, AttributeValue> item = DocumentItem.newItem(document, schedule);
        if (document.status() == DocumentStatus.PENDING_UPLOAD) {
            item.put(DocumentItem.EXPIRES_AT, DocumentItem.expiresAt(at.plus(PENDING_LIFETIME)));
            item.putAll(DocumentItem.awaitingUpload(uploadExpiresAt));
        }
        transact(caller, List.of(
                ProjectGuard.check(table, caller, document.projectId()),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                history.change(ProjectRef.of(document), caller, at).entry(field(document), null, summary(document))));
    }

    /** The project and one of its documents in one request (either may be absent). */
    public ProjectAndDocument load(String orgId, String projectId, String documentId) {
        ProjectReads.ProjectAnd loaded = reads.projectAnd(orgId, projectId,
                Ids.isWellFormed(documentId) ? DocumentItem.key(orgId, projectId, documentId) : null);
        Map<String, AttributeValue> item = loaded.other();
        return new ProjectAndDocument(loaded.project(), item == null ? null : DocumentItem.toDocument(item),
                item == null ? 0 : DocumentItem.version(item));
    }

    /** A page of documents (oldest first) with their project for the permission check. */
    public ProjectPage<AdminDocument> page(String orgId, String projectId, String cursor, int limit) {
        ProjectReads.Children children = reads.children(orgId, projectId, DocumentItem.prefix(), false,
                DocumentItem::isPosition, cursor, limit);
        return new ProjectPage<>(children.project(), new Page<>(
                children.items().stream().map(DocumentItem::toDocument).toList(), children.nextCursor()));
    }

    /**
     * Changes title and reminder, guarded, conditioned on the version read (upload results and the TTL of a
     * pending document are left as stored), with one history entry per changed field. A new reminder date
     * re-arms the reminder (a sweep holding the old arming can no longer complete it); none disarms it.
     */
    public void edit(Caller caller, AdminDocument before, long version, AdminDocument after, Instant at) {
        Expressions e = new Expressions()
                .set(DocumentItem.TITLE, AttributeValue.fromS(after.title()))
                .set(DocumentItem.REMINDER_DATE, Attrs.textOrAbsent(after.reminderDate()))
                .set(DocumentItem.REMINDER_NOTE, Attrs.textOrAbsent(after.reminderNote()))
                .increment(DocumentItem.VERSION);
        e.condition(e.name(DocumentItem.VERSION) + " = " + e.value(Attrs.n(version)));
        if (!Objects.equals(before.reminderDate(), after.reminderDate())) {
            e.remove(ReminderItem.CLAIM);
            if (ReminderSchedule.isArmed(after)) {
                ReminderItem.armed(after.id(), schedule.dueAt(after.reminderDate()), version + 1).forEach(e::set);
            } else {
                e.remove(ReminderItem.INDEX);
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, after.projectId()));
        writes.add(e.transactUpdate(table, DocumentItem.key(after.orgId(), after.projectId(), after.id())));
        HistoryLog.Change change = history.change(ProjectRef.of(after), caller, at);
        String field = field(after) + ".";
        if (!Objects.equals(before.title(), after.title())) {
            writes.add(change.entry(field + "title", before.title(), after.title()));
        }
        if (!Objects.equals(before.reminderDate(), after.reminderDate())) {
            writes.add(change.entry(field + "reminderDate", before.reminderDate(), after.reminderDate()));
        }
        if (!Objects.equals(before.reminderNote(), after.reminderNote())) {
            writes.add(change.entry(field + "reminderNote", before.reminderNote(), after.reminderNote()));
        }
        transact(caller, writes);
    }

    /** Deletes the record, guarded, with its history entry. The object is the caller's to remove. */
    public void delete(Caller caller, AdminDocument document, Instant at) {
        transact(caller, List.of(
                ProjectGuard.check(table, caller, document.projectId()),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(DocumentItem.key(document.orgId(), document.projectId(), document.id()))
                        .conditionExpression("attribute_exists(pk)").build()).build(),
                history.change(ProjectRef.of(document), caller, at).entry(field(document), summary(document), null)));
    }

    /** The document an upload event names, read alone (no caller: the event comes from S3). */
    public Optional<AdminDocument> find(String orgId, String projectId, String documentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DocumentItem.key(orgId, projectId, documentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DocumentItem.toDocument(item));
    }

    /** PENDING_UPLOAD → AVAILABLE with what S3 holds; false when the document was no longer pending. */
    public boolean markAvailable(AdminDocument document, long size, String checksum, String versionId, Instant at) {
        return whilePending(document, new Expressions()
                .set(DocumentItem.STATUS, DocumentItem.status(DocumentStatus.AVAILABLE))
                .set(DocumentItem.SIZE, Attrs.n(size))
                .set(DocumentItem.CHECKSUM, Attrs.s(checksum))
                .set(DocumentItem.OBJECT_VERSION, Attrs.s(versionId))
                .set(DocumentItem.UPLOADED_AT, AttributeValue.fromS(at.toString()))
                .remove(DocumentItem.EXPIRES_AT)
                .remove(DocumentItem.AWAITING_UPLOAD));
    }

    /** PENDING_UPLOAD → REJECTED with the reason (its reminder disarmed); false when it was no longer pending. */
    public boolean markRejected(AdminDocument document, String reason, Instant at) {
        return whilePending(document, new Expressions()
                .set(DocumentItem.STATUS, DocumentItem.status(DocumentStatus.REJECTED))
                .set(DocumentItem.REJECT_REASON, AttributeValue.fromS(reason))
                .set(DocumentItem.EXPIRES_AT, DocumentItem.expiresAt(at.plus(REJECTED_LIFETIME)))
                .remove(ReminderItem.INDEX)
                .remove(DocumentItem.AWAITING_UPLOAD));
    }

    /**
     * The pending uploads whose URL expired at or before {@code before}, oldest first, page by page (at most
     * {@code pageSize} each): index queries that read only those. Each page is queried when the previous one
     * has been handled; handling takes documents out of the index, so a page never starts behind them.
     */
    public Iterable<List<AdminDocument>> awaitingUpload(Instant before, int pageSize) {
        return Queries.pages(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("#pk = :pending AND #sk <= :before")
                .expressionAttributeNames(Map.of("#pk", Keys.LOOKUP_PK, "#sk", Keys.LOOKUP_SK))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(Keys.PENDING_UPLOADS),
                        ":before", AttributeValue.fromS(Keys.instantText(before))))
                .limit(pageSize).build(), DocumentItem::toDocument);
    }

    /**
     * Takes a still-pending document out of the pending uploads without deciding it (its upload never came:
     * it stays PENDING_UPLOAD until it expires). False when it was no longer pending.
     */
    public boolean stopAwaitingUpload(AdminDocument document) {
        return whilePending(document, new Expressions().remove(DocumentItem.AWAITING_UPLOAD));
    }

    private boolean whilePending(AdminDocument document, Expressions e) {
        e.condition(e.name(DocumentItem.STATUS) + " = " + e.value(DocumentItem.status(DocumentStatus.PENDING_UPLOAD)));
        try {
            dynamo.updateItem(e.updateItem(table, DocumentItem.key(document.orgId(), document.projectId(), document.id())).build());
            return true;
        } catch (ConditionalCheckFailedException e2) {
            return false;
        }
    }

    private void transact(Caller caller, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            throw ProjectGuard.explain(refused, 0, caller);
        }
    }

    private static String field(AdminDocument d) {
        return "adminDocuments." + d.id();
    }

    private static Map<String, String> summary(AdminDocument d) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("title", d.title());
        summary.put("fileName", d.fileName());
        return summary;
    }
}
