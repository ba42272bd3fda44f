package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.Reminder;
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
    /** A running reminder, in the history of its resolutions (ACTIVE → RESOLVED or RENEWED, and back when re-armed). */
    private static final String ACTIVE = "ACTIVE";

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

    /**
     * A project and one of its documents, with the document's version for conditional edits, and the
     * organization's settings (its reminders' time zone).
     */
    public record ProjectAndDocument(Project project, AdminDocument document, long version, Organization organization) {}

    /** A document of the expiring list, with its project's name. */
    public record Expiring(AdminDocument document, String projectName) {}

    /** A file version awaiting its upload, as the reconciliation finds it. */
    public record PendingUpload(String orgId, String projectId, String documentId, String versionId) {}

    /**
     * Stores a newly declared document with its first version, awaiting its upload, and its history entry,
     * guarded. {@code projectName} goes with it for the expiring list.
     */
    public void declare(Caller caller, AdminDocument document, String projectName, Organization organization, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, document.projectId()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(DocumentItem.newItem(document, projectName, in(organization)))
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

    /** The project, one of its documents (null: none) and the organization's settings, in one request. */
    public ProjectAndDocument load(String orgId, String projectId, String documentId) {
        if (!Ids.isWellFormed(projectId)) {
            return new ProjectAndDocument(null, null, 0, Organization.defaults(orgId, schedule.zone()));
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(ProjectItem.key(orgId, projectId), OrganizationItem.key(orgId)));
        if (Ids.isWellFormed(documentId)) {
            keys.add(DocumentItem.key(orgId, projectId, documentId));
        }
        Project project = null;
        Map<String, AttributeValue> document = null;
        Organization organization = Organization.defaults(orgId, schedule.zone());
        for (Map<String, AttributeValue> item : BatchReads.getAll(dynamo, table, keys)) {
            if (ProjectItem.isProject(item)) {
                project = ProjectItem.toProject(item);
            } else if (OrganizationItem.isOrganization(item)) {
                organization = OrganizationItem.toOrganization(item);
            } else {
                document = item;
            }
        }
        return new ProjectAndDocument(project, document == null ? null : DocumentItem.toDocument(document),
                document == null ? 0 : DocumentItem.version(document), organization);
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
     * history entry per changed field. Another reminder schedule (or, for a default reminder, another expiry
     * date or kind) re-arms it at its first occurrence: a sweep holding the old arming can no longer complete
     * it, and a resolution is cleared; none disarms it. A new expiry date moves the document in the expiring
     * list; none takes it out.
     */
    public void edit(Caller caller, AdminDocument before, long version, AdminDocument after, Organization organization, Instant at) {
        ReminderSchedule schedule = in(organization);
        Expressions e = new Expressions()
                .set(DocumentItem.TITLE, AttributeValue.fromS(after.title()))
                .set(DocumentItem.KIND, AttributeValue.fromS(after.kind().name()))
                .set(DocumentItem.EXPIRES_ON, Attrs.textOrAbsent(after.expiresOn()))
                .increment(DocumentItem.VERSION);
        DocumentItem.reminderAttributes(after.reminder()).forEach(e::set);
        e.condition(e.name(DocumentItem.VERSION) + " = " + e.value(Attrs.n(version)));
        if (rearmed(schedule, before, after)) {
            rearm(schedule, e, after, version + 1);
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
        addIfChanged(writes, change, field + "leadDays", lead(before), lead(after));
        addIfChanged(writes, change, field + "repeatEveryDays", repeat(before), repeat(after));
        addIfChanged(writes, change, field + "alsoNotifyContacts", contacts(before), contacts(after));
        if (before.reminderResolution() != null && after.reminderResolution() == null) {
            writes.add(change.entry(field + "reminder", before.reminderResolution().name(), ACTIVE));
        }
        transact(caller, writes);
    }

    /**
     * Stops the document's reminder (an ADMIN: "done"), guarded, conditioned on the version read, recorded.
     * A later change of its schedule re-arms it.
     */
    public void resolve(Caller caller, AdminDocument before, long version, Instant at) {
        Expressions e = new Expressions()
                .set(DocumentItem.RESOLUTION, AttributeValue.fromS(Reminder.Resolution.RESOLVED.name()))
                .set(DocumentItem.RESOLVED_AT, AttributeValue.fromS(at.toString()))
                .set(DocumentItem.RESOLVED_BY, AttributeValue.fromS(caller.userId()))
                .remove(ReminderItem.INDEX)
                .remove(ReminderItem.CLAIM)
                .increment(DocumentItem.VERSION);
        e.condition(e.name(DocumentItem.VERSION) + " = " + e.value(Attrs.n(version)));
        transact(caller, List.of(ProjectGuard.check(table, caller, before.projectId()),
                e.transactUpdate(table, DocumentItem.key(before.orgId(), before.projectId(), before.id())),
                history.change(ProjectRef.of(before), caller, at).entry(field(before) + ".reminder", ACTIVE,
                        Reminder.Resolution.RESOLVED.name())));
    }

    private static boolean rearmed(ReminderSchedule schedule, AdminDocument before, AdminDocument after) {
        return !Reminder.sameSchedule(schedule.effective(before).orElse(null), schedule.effective(after).orElse(null))
                || before.reminderResolution() != after.reminderResolution();
    }

    /** Arms {@code after}'s reminder anew at its first occurrence (or disarms it), clearing claims, firings and resolution. */
    private static void rearm(ReminderSchedule schedule, Expressions e, AdminDocument after, long newVersion) {
        e.remove(ReminderItem.CLAIM).remove(ReminderItem.FIRED)
                .remove(DocumentItem.RESOLUTION, DocumentItem.RESOLVED_AT, DocumentItem.RESOLVED_BY);
        Optional<Instant> due = schedule.firstDue(after);
        if (due.isPresent()) {
            ReminderItem.armed(after.id(), due.get(), newVersion).forEach(e::set);
        } else {
            e.remove(ReminderItem.INDEX);
        }
    }

    /** A reminder's lead time in the history: none (null) when it starts on its date. */
    private static Integer lead(AdminDocument d) {
        return d.reminder() == null || d.reminder().leadDays() == 0 ? null : d.reminder().leadDays();
    }

    private static String contacts(AdminDocument d) {
        return d.reminder() == null || d.reminder().contactRoles().isEmpty() ? null
                : String.join(",", d.reminder().contactRoles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private static Integer repeat(AdminDocument d) {
        return d.reminder() == null ? null : d.reminder().repeatEveryDays();
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
        return markAvailable(document, versionId, size, checksum, objectVersion, at, null);
    }

    /** A renewal: the version that became AVAILABLE stops the document's reminder, and its project's ADMINs are told. */
    public record Renewal(NotificationStore.Context context, List<String> recipients, Reminder reminder) {}

    /**
     * Version PENDING_UPLOAD → AVAILABLE with what S3 holds, recorded; false when it was no longer pending.
     * With {@code renewal}, the same write also stops the document's reminder as RENEWED and notifies the
     * recipients — if an occurrence of it has fired and it is not resolved yet; otherwise nothing is written
     * and false is returned, and the caller settles the version without it.
     */
    public boolean markAvailable(AdminDocument document, String versionId, long size, String checksum, String objectVersion,
                                 Instant at, Renewal renewal) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.AVAILABLE))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_SIZE), Attrs.n(size))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_CHECKSUM), Attrs.s(checksum))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_OBJECT_VERSION), Attrs.s(objectVersion))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_UPLOADED_AT), AttributeValue.fromS(at.toString()));
        List<TransactWriteItem> extra = new ArrayList<>();
        if (renewal != null) {
            e.set(DocumentItem.RESOLUTION, AttributeValue.fromS(Reminder.Resolution.RENEWED.name()))
                    .set(DocumentItem.RESOLVED_AT, AttributeValue.fromS(at.toString()))
                    .set(DocumentItem.RESOLVED_BY, AttributeValue.fromS(UPLOAD_CHECK))
                    .remove(ReminderItem.INDEX)
                    .remove(ReminderItem.CLAIM);
            e.condition("attribute_exists(" + e.name(ReminderItem.FIRED_FOR) + ")")
                    .condition("attribute_not_exists(" + e.name(DocumentItem.RESOLUTION) + ")");
            extra.add(history.change(ProjectRef.of(document), UPLOAD_CHECK, at).entry(field(document) + ".reminder", ACTIVE,
                    Reminder.Resolution.RENEWED.name()));
            String id = NotificationItem.id(at, document.id(), 0);
            Notification n = new Notification(id, Notification.DOCUMENT_RENEWED, renewal.context().organizationName(),
                    document.projectId(), renewal.context().projectName(), document.id(), document.title(), document.kind(),
                    renewal.reminder().date(), renewal.reminder().note(), null, at, false);
            for (String recipient : renewal.recipients()) {
                extra.add(NotificationItem.put(table, document.orgId(), recipient, n, "renewed/" + document.id() + "/" + versionId));
            }
        }
        return settle(document, versionId, e, FileVersion.Status.AVAILABLE, at, extra);
    }

    /** Version PENDING_UPLOAD → REJECTED with the reason, recorded (the document keeps its reminder); false when it was no longer pending. */
    public boolean markRejected(AdminDocument document, String versionId, String reason, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.REJECTED))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_REJECT_REASON), AttributeValue.fromS(reason));
        return settle(document, versionId, e, FileVersion.Status.REJECTED, at, List.of());
    }

    /** Version PENDING_UPLOAD → EXPIRED: its upload never came. False when it was no longer pending. */
    public boolean markExpired(AdminDocument document, String versionId, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.EXPIRED));
        return settle(document, versionId, e, null, at, List.of());
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

    private boolean settle(AdminDocument document, String versionId, Expressions e, FileVersion.Status outcome, Instant at,
                           List<TransactWriteItem> extra) {
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
        writes.addAll(extra);
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

    /** The reminder rules in the organization's time zone. */
    private ReminderSchedule in(Organization organization) {
        return schedule.in(organization.timeZone());
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
