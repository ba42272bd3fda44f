package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ReminderSchedule;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All table access for admin documents. Document items live in their project's partition just above
 * the project item, so the first page of a list reads the project (permission check) and the documents
 * in one query. User writes are transactions guarded by {@link ProjectGuard}, with their history entry;
 * the upload finalizer's writes are conditioned on the document still being PENDING_UPLOAD, which makes
 * duplicate or late S3 events change nothing.
 */
@Singleton
public class DocumentStore {
    /** A declared upload that never arrives disappears after this (DynamoDB TTL). */
    public static final Duration PENDING_LIFETIME = Duration.ofDays(1);
    /** A rejected document stays visible this long, so that the user learns why. */
    public static final Duration REJECTED_LIFETIME = Duration.ofDays(7);

    /** Reminders are spread over this many partitions of the DueReminders index. */
    public static final int DUE_SHARDS = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectStore projects;
    private final ReminderSchedule schedule;

    public DocumentStore(DynamoDbClient dynamo, TableConfig table, ProjectStore projects, ReminderSchedule schedule) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.projects = projects;
        this.schedule = schedule;
    }

    /** The DueReminders partition of a document: a stable spread by id. */
    public static String dueShard(String documentId) {
        return "DUE#" + Math.floorMod(documentId.hashCode(), DUE_SHARDS);
    }

    /** Index sort keys are compared as text: whole seconds, always the same width. */
    public static String dueText(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** The index attributes that arm a document's reminder (put in the due index), for version {@code version}. */
    private Map<String, AttributeValue> armed(AdminDocument d, long version) {
        return Map.of("duePk", AttributeValue.fromS(dueShard(d.id())),
                "dueAt", AttributeValue.fromS(dueText(schedule.dueAt(d.reminderDate()))),
                "armedVer", Attrs.n(version));
    }

    /** A project and one of its documents, with the document's version for conditional edits. */
    public record ProjectAndDocument(Project project, AdminDocument document, long version) {}

    static Map<String, AttributeValue> documentKey(String orgId, String projectId, String documentId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.projectPk(orgId, projectId)),
                Keys.SK, AttributeValue.fromS(Keys.DOCUMENT_PREFIX + documentId));
    }

    /** Stores a newly declared document (PENDING_UPLOAD) with its history entry, guarded. */
    public void declare(Caller caller, AdminDocument document, Instant at) {
        Map<String, AttributeValue> item = newItem(document);
        if (document.status() == DocumentStatus.PENDING_UPLOAD) {
            item.put("expiresAt", Attrs.n(at.plus(PENDING_LIFETIME).getEpochSecond()));
        }
        List<TransactWriteItem> writes = List.of(
                ProjectGuard.check(table, caller, document.projectId()),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(projects.historyPut(document.orgId(), document.projectId(), caller, at,
                        Ids.newId(at), 0, "adminDocuments." + document.id(), Attrs.NULL, Attrs.of(summary(document)))).build());
        transact(writes, caller, document.orgId(), document.projectId());
    }

    /**
     * The item of a new document, its reminder armed if it has one. Public for the reminder benchmark,
     * which seeds many documents with BatchWriteItem exactly as declared ones are stored.
     */
    public Map<String, AttributeValue> newItem(AdminDocument document) {
        Map<String, AttributeValue> item = item(document, 1);
        if (ReminderSchedule.isArmed(document)) {
            item.putAll(armed(document, 1));
        }
        return item;
    }

    /** The project and one of its documents in one request (either may be absent). */
    public ProjectAndDocument load(String orgId, String projectId, String documentId) {
        ProjectStore.ProjectAnd loaded = projects.loadWith(orgId, projectId,
                Ids.isWellFormed(documentId) ? documentKey(orgId, projectId, documentId) : null);
        Map<String, AttributeValue> item = loaded.other();
        return new ProjectAndDocument(loaded.project(), item == null ? null : toDocument(item), item == null ? 0 : Attrs.num(item, "ver"));
    }

    /** A page of documents (oldest first) with their project for the permission check. */
    public record DocumentPage(Optional<Project> project, ProjectStore.Page<AdminDocument> page) {}

    public DocumentPage page(String orgId, String projectId, String cursor, int limit) {
        ProjectStore.Children children = projects.children(orgId, projectId, Keys.DOCUMENT_PREFIX, false,
                c -> c.startsWith(Keys.DOCUMENT_PREFIX) && Ids.isWellFormed(c.substring(Keys.DOCUMENT_PREFIX.length())), cursor, limit);
        return new DocumentPage(children.project(), new ProjectStore.Page<>(
                children.items().stream().map(DocumentStore::toDocument).toList(), children.nextCursor()));
    }

    /**
     * Changes title and reminder, guarded, conditioned on the version read (upload results and the TTL of a
     * pending document are left as stored), with one history entry per changed field.
     */
    public void edit(Caller caller, AdminDocument before, long version, AdminDocument after, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>(List.of("title = :title", "ver = ver + :one"));
        List<String> removes = new ArrayList<>();
        values.put(":title", AttributeValue.fromS(after.title()));
        values.put(":one", Attrs.n(1));
        values.put(":v", Attrs.n(version));
        if (after.reminderDate() == null) {
            removes.add("reminderDate");
        } else {
            sets.add("reminderDate = :date");
            values.put(":date", AttributeValue.fromS(after.reminderDate().toString()));
        }
        if (after.reminderNote() == null) {
            removes.add("reminderNote");
        } else {
            sets.add("reminderNote = :note");
            values.put(":note", AttributeValue.fromS(after.reminderNote()));
        }
        if (!Objects.equals(before.reminderDate(), after.reminderDate())) {
            // a new date re-arms the reminder (a sweep holding the old one can no longer complete it); none disarms it
            removes.addAll(List.of("claimedBy", "claimedAt", "firstClaimedAt"));
            if (ReminderSchedule.isArmed(after)) {
                armed(after, version + 1).forEach((name, value) -> {
                    sets.add(name + " = :" + name);
                    values.put(":" + name, value);
                });
            } else {
                removes.addAll(List.of("duePk", "dueAt", "armedVer"));
            }
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, after.projectId()));
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(documentKey(after.orgId(), after.projectId(), after.id()))
                .updateExpression(expression).conditionExpression("ver = :v")
                .expressionAttributeValues(values).build()).build());
        String changeId = Ids.newId(at);
        int index = 0;
        String field = "adminDocuments." + after.id() + ".";
        if (!Objects.equals(before.title(), after.title())) {
            writes.add(history(caller, after, at, changeId, index++, field + "title", before.title(), after.title()));
        }
        if (!Objects.equals(before.reminderDate(), after.reminderDate())) {
            writes.add(history(caller, after, at, changeId, index++, field + "reminderDate", before.reminderDate(), after.reminderDate()));
        }
        if (!Objects.equals(before.reminderNote(), after.reminderNote())) {
            writes.add(history(caller, after, at, changeId, index, field + "reminderNote", before.reminderNote(), after.reminderNote()));
        }
        transact(writes, caller, after.orgId(), after.projectId());
    }

    /** Deletes the record, guarded, with its history entry. The object is the caller's to remove. */
    public void delete(Caller caller, AdminDocument document, Instant at) {
        List<TransactWriteItem> writes = List.of(
                ProjectGuard.check(table, caller, document.projectId()),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(documentKey(document.orgId(), document.projectId(), document.id()))
                        .conditionExpression("attribute_exists(pk)").build()).build(),
                history(caller, document, at, Ids.newId(at), 0, "adminDocuments." + document.id(), summary(document), null));
        transact(writes, caller, document.orgId(), document.projectId());
    }

    /** The document an upload event names, read alone (no caller: the event comes from S3). */
    public Optional<AdminDocument> find(String orgId, String projectId, String documentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(documentKey(orgId, projectId, documentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDocument(item));
    }

    /** PENDING_UPLOAD → AVAILABLE with what S3 holds; false when the document was no longer pending. */
    public boolean markAvailable(AdminDocument document, long size, String checksum, String versionId, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":available", AttributeValue.fromS(DocumentStatus.AVAILABLE.name()));
        values.put(":pending", AttributeValue.fromS(DocumentStatus.PENDING_UPLOAD.name()));
        values.put(":size", Attrs.n(size));
        values.put(":checksum", Attrs.s(checksum));
        values.put(":version", Attrs.s(versionId));
        values.put(":at", AttributeValue.fromS(at.toString()));
        return conditionalUpdate(document, "SET #s = :available, sizeBytes = :size, checksum = :checksum, "
                + "versionId = :version, uploadedAt = :at REMOVE expiresAt", values);
    }

    /** PENDING_UPLOAD → REJECTED with the reason; false when the document was no longer pending. */
    public boolean markRejected(AdminDocument document, String reason, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":rejected", AttributeValue.fromS(DocumentStatus.REJECTED.name()));
        values.put(":pending", AttributeValue.fromS(DocumentStatus.PENDING_UPLOAD.name()));
        values.put(":reason", AttributeValue.fromS(reason));
        values.put(":expires", Attrs.n(at.plus(REJECTED_LIFETIME).getEpochSecond()));
        return conditionalUpdate(document, "SET #s = :rejected, rejectReason = :reason, expiresAt = :expires "
                + "REMOVE duePk, dueAt, armedVer", values);
    }

    private boolean conditionalUpdate(AdminDocument document, String expression, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(documentKey(document.orgId(), document.projectId(), document.id()))
                    .updateExpression(expression)
                    .conditionExpression("#s = :pending")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void transact(List<TransactWriteItem> writes, Caller caller, String orgId, String projectId) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw ProjectGuard.explain(() -> projects.find(orgId, projectId), caller);
        }
    }

    private TransactWriteItem history(Caller caller, AdminDocument document, Instant at, String changeId, int index,
                                      String field, Object from, Object to) {
        return TransactWriteItem.builder().put(projects.historyPut(document.orgId(), document.projectId(), caller, at,
                changeId, index, field, Attrs.of(from), Attrs.of(to))).build();
    }

    private static Map<String, String> summary(AdminDocument d) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("title", d.title());
        summary.put("fileName", d.fileName());
        return summary;
    }

    private static Map<String, AttributeValue> item(AdminDocument d, long version) {
        Map<String, AttributeValue> item = new HashMap<>(documentKey(d.orgId(), d.projectId(), d.id()));
        item.put("type", AttributeValue.fromS("AdminDocument"));
        item.put("orgId", AttributeValue.fromS(d.orgId()));
        item.put("projectId", AttributeValue.fromS(d.projectId()));
        item.put("id", AttributeValue.fromS(d.id()));
        item.put("title", AttributeValue.fromS(d.title()));
        item.put("fileName", AttributeValue.fromS(d.fileName()));
        item.put("contentType", AttributeValue.fromS(d.contentType()));
        item.put("declaredSize", Attrs.n(d.declaredSize()));
        item.put("status", AttributeValue.fromS(d.status().name()));
        if (d.sizeBytes() != null) {
            item.put("sizeBytes", Attrs.n(d.sizeBytes()));
        }
        putIfPresent(item, "checksum", d.checksum());
        putIfPresent(item, "versionId", d.versionId());
        putIfPresent(item, "rejectReason", d.rejectReason());
        putIfPresent(item, "reminderDate", d.reminderDate() == null ? null : d.reminderDate().toString());
        putIfPresent(item, "reminderNote", d.reminderNote());
        item.put("createdAt", AttributeValue.fromS(d.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(d.createdBy()));
        putIfPresent(item, "uploadedAt", d.uploadedAt() == null ? null : d.uploadedAt().toString());
        item.put("ver", Attrs.n(version));
        return item;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    public static AdminDocument toDocument(Map<String, AttributeValue> i) {
        AttributeValue size = i.get("sizeBytes");
        String reminder = Attrs.str(i, "reminderDate");
        return new AdminDocument(Attrs.str(i, "orgId"), Attrs.str(i, "projectId"), Attrs.str(i, "id"), Attrs.str(i, "title"),
                Attrs.str(i, "fileName"), Attrs.str(i, "contentType"), Attrs.num(i, "declaredSize"),
                DocumentStatus.valueOf(Attrs.str(i, "status")), size == null ? null : Long.parseLong(size.n()),
                Attrs.str(i, "checksum"), Attrs.str(i, "versionId"), Attrs.str(i, "rejectReason"),
                reminder == null ? null : LocalDate.parse(reminder), Attrs.str(i, "reminderNote"),
                Attrs.instant(i, "createdAt"), Attrs.str(i, "createdBy"), Attrs.instant(i, "uploadedAt"));
    }
}
