package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.platform.TableConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Admin documents and their file versions. User writes are transactions guarded by {@link ProjectGuard}
 * (item 0), with their history entries. Settling a version (upload checked, refused, or never arrived) is
 * conditioned on that version still being PENDING_UPLOAD, which makes duplicate or late S3 events and a
 * reconciliation racing them change nothing. Nothing here expires but the entry of a pending upload.
 */
@Singleton
public class DocumentStore {
    /** Who settles uploads in the history: the upload check, not a user. */
    public static final String UPLOAD_CHECK = "system:upload-check";

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

    /** A document of the expiring list, with its project's name. */
    public record Expiring(AdminDocument document, String projectName) {}

    /** A file version awaiting its upload, as the reconciliation finds it. */
    public record PendingUpload(String orgId, String projectId, String documentId, String versionId) {}

    /**
     * Stores a newly declared document with its first version, awaiting its upload, and its history entry,
     * guarded. {@code projectName} goes with it for the expiring list.
     */
    public void declare(Caller caller, AdminDocument document, String projectName, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, document.projectId()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(DocumentItem.newItem(document, projectName, schedule))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        document.versions().forEach(v -> writes.add(pendingPut(document, v)));
        writes.add(history.change(ProjectRef.of(document), caller, at).entry(field(document), null, summary(document)));
        transact(caller, writes);
    }

    /**
     * Adds a file version (newest) to an existing document, awaiting its upload, with its history entry,
     * guarded; refused when the document is gone (404) or full ({@link AdminDocument#MAX_VERSIONS}, 409).
     */
    public void addVersion(Caller caller, AdminDocument document, FileVersion version, Instant at) {
        Expressions e = new Expressions();
        String versions = e.name(DocumentItem.VERSIONS);
        e.setPath(e.path(DocumentItem.VERSIONS, version.id()), DocumentItem.version(version));
        e.condition("attribute_exists(" + e.name(Keys.PK) + ")")
                .condition("size(" + versions + ") < " + e.value(Attrs.n(AdminDocument.MAX_VERSIONS)));
        List<TransactWriteItem> writes = List.of(
                ProjectGuard.check(table, caller, document.projectId()),
                e.transactUpdate(table, DocumentItem.key(document.orgId(), document.projectId(), document.id())),
                pendingPut(document, version),
                history.change(ProjectRef.of(document), caller, at).entry(versionField(document, version.id()), null, versionSummary(version)));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            if (ProjectGuard.refusedAt(refused, 0)) {
                throw ProjectGuard.explain(refused, 0, caller);
            }
            if (ProjectGuard.refusedAt(refused, 1)) {
                throw ProjectGuard.itemAsSeen(refused, 1) == null ? new ProblemException(ProblemCode.NOT_FOUND)
                        : AdminDocument.full();
            }
            throw ProblemException.concurrentChange();
        }
    }

    /** The project and one of its documents in one request (either may be absent). */
    public ProjectAndDocument load(String orgId, String projectId, String documentId) {
        ProjectReads.ProjectAnd loaded = reads.projectAnd(orgId, projectId,
                Ids.isWellFormed(documentId) ? DocumentItem.key(orgId, projectId, documentId) : null);
        Map<String, AttributeValue> item = loaded.other();
        return new ProjectAndDocument(loaded.project(), item == null ? null : DocumentItem.toDocument(item),
                item == null ? 0 : DocumentItem.version(item));
    }

    /** A page of documents (oldest first), of one kind when {@code kind} is given, with their project for the permission check. */
    public ProjectPage<AdminDocument> page(String orgId, String projectId, DocumentKind kind, String cursor, int limit) {
        ProjectReads.Children children = reads.children(orgId, projectId, DocumentItem.prefix(), false,
                DocumentItem::isPosition, cursor, limit);
        return new ProjectPage<>(children.project(), new Page<>(children.items().stream().map(DocumentItem::toDocument)
                .filter(d -> kind == null || d.kind() == kind).toList(), children.nextCursor()));
    }

    /**
     * The organization's documents whose expiry date is before {@code before} (already expired ones
     * included), soonest first, one page of the Lookup index; only those of {@code onlyProjects} when given
     * (a filter on the same query, so a page may come back shorter than {@code limit}: follow its cursor).
     */
    public Page<Expiring> expiring(String orgId, LocalDate before, Set<String> onlyProjects, String cursor, int limit) {
        String after = Cursor.decode(cursor, DocumentStore::isExpiringPosition);
        if (onlyProjects != null && onlyProjects.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.LOOKUP_PK, "#sk", Keys.LOOKUP_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":org", AttributeValue.fromS(Keys.expiringPk(orgId)),
                ":before", AttributeValue.fromS(before.toString())));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("#pk = :org AND #sk < :before").limit(limit);
        boolean filterHere = onlyProjects != null && onlyProjects.size() > MAX_FILTER_VALUES;
        if (onlyProjects != null && !filterHere) {
            List<String> placeholders = new ArrayList<>();
            for (String projectId : onlyProjects) {
                placeholders.add(":p" + placeholders.size());
                values.put(placeholders.get(placeholders.size() - 1), AttributeValue.fromS(projectId));
            }
            names.put("#project", "projectId");
            query.filterExpression("#project IN (" + String.join(", ", placeholders) + ")");
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        if (after != null) {
            String[] parts = after.split("#");
            Map<String, AttributeValue> start = new HashMap<>(DocumentItem.key(orgId, parts[1], parts[2]));
            start.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.expiringPk(orgId)));
            start.put(Keys.LOOKUP_SK, AttributeValue.fromS(after));
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamo.query(query.build());
        List<Expiring> items = response.items().stream()
                .filter(i -> !filterHere || onlyProjects.contains(Attrs.str(i, "projectId")))
                .map(i -> new Expiring(DocumentItem.toDocument(i), DocumentItem.projectName(i))).toList();
        String next = Queries.hasMore(response) ? Cursor.encode(Attrs.str(response.lastEvaluatedKey(), Keys.LOOKUP_SK)) : null;
        return new Page<>(items, next);
    }

    /** A filter lists at most this many projects (DynamoDB's limit for IN); more are filtered here. */
    private static final int MAX_FILTER_VALUES = 100;

    private static boolean isExpiringPosition(String position) {
        String[] parts = position.split("#", -1);
        if (parts.length != 3 || !Ids.isWellFormed(parts[1]) || !Ids.isWellFormed(parts[2])) {
            return false;
        }
        try {
            LocalDate.parse(parts[0]);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Changes title, kind, expiry date and reminder, guarded, conditioned on the version read, with one
     * history entry per changed field. A new reminder date re-arms the reminder (a sweep holding the old
     * arming can no longer complete it); none disarms it. A new expiry date moves the document in the
     * expiring list; none takes it out.
     */
    public void edit(Caller caller, AdminDocument before, long version, AdminDocument after, Instant at) {
        Expressions e = new Expressions()
                .set(DocumentItem.TITLE, AttributeValue.fromS(after.title()))
                .set(DocumentItem.KIND, AttributeValue.fromS(after.kind().name()))
                .set(DocumentItem.EXPIRES_ON, Attrs.textOrAbsent(after.expiresOn()))
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
        if (!Objects.equals(before.expiresOn(), after.expiresOn())) {
            if (after.expiresOn() == null) {
                e.remove(DocumentItem.EXPIRING);
            } else {
                DocumentItem.expiring(after.orgId(), after.projectId(), after.id(), after.expiresOn()).forEach(e::set);
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, after.projectId()));
        writes.add(e.transactUpdate(table, DocumentItem.key(after.orgId(), after.projectId(), after.id())));
        HistoryLog.Change change = history.change(ProjectRef.of(after), caller, at);
        String field = field(after) + ".";
        addIfChanged(writes, change, field + "title", before.title(), after.title());
        addIfChanged(writes, change, field + "kind", before.kind(), after.kind());
        addIfChanged(writes, change, field + "expiresOn", before.expiresOn(), after.expiresOn());
        addIfChanged(writes, change, field + "reminderDate", before.reminderDate(), after.reminderDate());
        addIfChanged(writes, change, field + "reminderNote", before.reminderNote(), after.reminderNote());
        transact(caller, writes);
    }

    /** Deletes the record (with its pending uploads' entries), guarded, with its history entry. The objects are the caller's to remove. */
    public void delete(Caller caller, AdminDocument document, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, document.projectId()));
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(DocumentItem.key(document.orgId(), document.projectId(), document.id()))
                .conditionExpression("attribute_exists(pk)").build()).build());
        document.versions().stream().filter(v -> v.status() == FileVersion.Status.PENDING_UPLOAD)
                .forEach(v -> writes.add(pendingDelete(document, v.id())));
        writes.add(history.change(ProjectRef.of(document), caller, at).entry(field(document), summary(document), null));
        transact(caller, writes);
    }

    /** The document an upload names, read alone (no caller: the event comes from S3). */
    public Optional<AdminDocument> find(String orgId, String projectId, String documentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DocumentItem.key(orgId, projectId, documentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DocumentItem.toDocument(item));
    }

    /** Version PENDING_UPLOAD → AVAILABLE with what S3 holds, recorded; false when it was no longer pending. */
    public boolean markAvailable(AdminDocument document, String versionId, long size, String checksum, String objectVersion, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.AVAILABLE))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_SIZE), Attrs.n(size))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_CHECKSUM), Attrs.s(checksum))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_OBJECT_VERSION), Attrs.s(objectVersion))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_UPLOADED_AT), AttributeValue.fromS(at.toString()));
        return settle(document, versionId, e, FileVersion.Status.AVAILABLE, at);
    }

    /** Version PENDING_UPLOAD → REJECTED with the reason, recorded (the document keeps its reminder); false when it was no longer pending. */
    public boolean markRejected(AdminDocument document, String versionId, String reason, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.REJECTED))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_REJECT_REASON), AttributeValue.fromS(reason));
        return settle(document, versionId, e, FileVersion.Status.REJECTED, at);
    }

    /** Version PENDING_UPLOAD → EXPIRED: its upload never came. False when it was no longer pending. */
    public boolean markExpired(AdminDocument document, String versionId, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.EXPIRED));
        return settle(document, versionId, e, null, at);
    }

    /** Removes the entry of a pending upload whose document is gone. */
    public void forget(PendingUpload pending) {
        dynamo.deleteItem(b -> b.tableName(table).key(PendingUploadItem.key(pending.orgId(), pending.projectId(),
                pending.documentId(), pending.versionId())));
    }

    /**
     * The uploads still pending whose deadline passed at or before {@code now}, oldest first, page by page (at
     * most {@code pageSize} each): index queries that read only those.
     */
    public Iterable<List<PendingUpload>> pendingUploads(Instant now, int pageSize) {
        return Queries.pages(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.LOOKUP)
                .keyConditionExpression("#pk = :pending AND #sk < :after")
                .expressionAttributeNames(Map.of("#pk", Keys.LOOKUP_PK, "#sk", Keys.LOOKUP_SK))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(Keys.PENDING_UPLOADS),
                        ":after", AttributeValue.fromS(Keys.instantText(now.plusSeconds(1)))))
                .limit(pageSize).build(), item -> {
                    PendingUploadItem.Ref r = PendingUploadItem.toRef(item);
                    return new PendingUpload(r.orgId(), r.projectId(), r.documentId(), r.versionId());
                });
    }

    private boolean settle(AdminDocument document, String versionId, Expressions e, FileVersion.Status outcome, Instant at) {
        e.condition(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS) + " = "
                + e.value(DocumentItem.status(FileVersion.Status.PENDING_UPLOAD)));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(e.transactUpdate(table, DocumentItem.key(document.orgId(), document.projectId(), document.id())));
        writes.add(pendingDelete(document, versionId));
        if (outcome != null) {
            writes.add(history.change(ProjectRef.of(document), UPLOAD_CHECK, at).entry(
                    versionField(document, versionId) + ".status",
                    FileVersion.Status.PENDING_UPLOAD.name(), outcome.name()));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException refused) {
            if (ProjectGuard.refusedAt(refused, 0)) {
                return false;
            }
            throw refused;
        }
    }

    private TransactWriteItem pendingPut(AdminDocument d, FileVersion v) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(PendingUploadItem.item(d.orgId(), d.projectId(), d.id(), v.id(), v.pendingUntil())).build()).build();
    }

    private TransactWriteItem pendingDelete(AdminDocument d, String versionId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(PendingUploadItem.key(d.orgId(), d.projectId(), d.id(), versionId)).build()).build();
    }

    private void transact(Caller caller, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            throw ProjectGuard.explain(refused, 0, caller);
        }
    }

    private static void addIfChanged(List<TransactWriteItem> writes, HistoryLog.Change change, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            writes.add(change.entry(field, before, after));
        }
    }

    private static String field(AdminDocument d) {
        return "adminDocuments." + d.id();
    }

    private static String versionField(AdminDocument d, String versionId) {
        return field(d) + ".versions." + versionId;
    }

    private static Map<String, String> summary(AdminDocument d) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("title", d.title());
        summary.put("kind", d.kind().name());
        d.shown().ifPresent(v -> summary.put("fileName", v.fileName()));
        return summary;
    }

    private static Map<String, String> versionSummary(FileVersion v) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("fileName", v.fileName());
        summary.put("sizeBytes", Long.toString(v.declaredSize()));
        return summary;
    }
}
