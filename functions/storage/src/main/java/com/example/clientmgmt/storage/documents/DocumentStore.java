package com.example.clientmgmt.storage.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentDeclaration;
import com.example.clientmgmt.domain.DocumentDeletion;
import com.example.clientmgmt.domain.DocumentEdit;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.DocumentResolution;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Page;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.VersionAddition;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.BatchReads;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.organization.OrganizationItem;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectGuard;
import com.example.clientmgmt.storage.project.ProjectItem;
import com.example.clientmgmt.storage.project.ProjectPage;
import com.example.clientmgmt.storage.project.ProjectReads;
import com.example.clientmgmt.storage.reminders.ExpiringDocuments;
import com.example.clientmgmt.storage.reminders.DueShards;
import com.example.clientmgmt.storage.reminders.ReminderItem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admin documents and their file versions, as users change them: transactions guarded by {@link ProjectGuard}
 * (item 0), with their history entries; and the reads of one document. Settling an uploaded version is
 * {@link UploadSettlements}'s job; the organization's expiring list, {@link ExpiringDocuments}'s.
 */
@Singleton
public class DocumentStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProjectReads reads;
    private final HistoryLog history;
    /** The time zone of an organization without settings ({@code org.time.zone}). */
    private final ZoneId defaultZone;

    private final DueShards shards;

    public DocumentStore(DynamoDbClient dynamo, TableConfig table, ProjectReads reads, HistoryLog history,
                         @Value("${org.time.zone}") String defaultZone, DueShards shards) {
        this.shards = shards;
        this.dynamo = dynamo;
        this.table = table.name();
        this.reads = reads;
        this.history = history;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    /**
     * A project and one of its documents, with the document's version for conditional edits, and the
     * organization's settings (its reminders' time zone).
     */
    public record ProjectAndDocument(Project project, AdminDocument document, long version, Organization organization) {}


    /**
     * Stores a newly declared document with its first version, awaiting its upload, and its history entry,
     * guarded, as {@link DocumentDeclaration} decided it (its reminder's first arming, its entry). {@code projectName}
     * goes with it for the expiring list.
     */
    public void declare(Caller caller, DocumentDeclaration declaration, String projectName, Instant at) {
        AdminDocument document = declaration.document();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, document.projectId()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(DocumentItem.newItem(document, projectName,
                        declaration.firstDue().map(due -> shards.armed(document.id(), due, 1)).orElse(Map.of())))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        document.versions().forEach(v -> writes.add(PendingUploadItem.put(table, document, v)));
        writes.add(history.change(ProjectRef.of(document), caller, at).entry(declaration.historyLine()));
        transact(caller, writes);
    }

    /**
     * Adds a file version (newest) to an existing document, awaiting its upload, with its history entry,
     * guarded; refused when the document is gone (404) or, as stored, full ({@link VersionAddition#versionsBelow}, 409).
     * New dates ({@link VersionAddition#dates}) are written with it as an edit is: conditioned on the version read
     * (a concurrent change: 409), with their history, expiring-list move and re-arming.
     */
    public void addVersion(Caller caller, VersionAddition addition, Instant at) {
        AdminDocument document = addition.document();
        FileVersion version = addition.version();
        Expressions e = new Expressions();
        String versions = e.name(DocumentItem.VERSIONS);
        e.setPath(e.path(DocumentItem.VERSIONS, version.id()), DocumentItem.version(version));
        e.condition("attribute_exists(" + e.name(Keys.PK) + ")")
                .condition("size(" + versions + ") < " + e.value(Attrs.n(addition.versionsBelow())));
        addition.dates().ifPresent(edit -> details(e, edit));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                ProjectGuard.check(table, caller, document.projectId()),
                e.transactUpdate(table, DocumentItem.key(document.orgId(), document.projectId(), document.id())),
                PendingUploadItem.put(table, document, version)));
        HistoryLog.Change change = history.change(ProjectRef.of(document), caller, at);
        writes.add(change.entry(addition.historyLine()));
        addition.dates().ifPresent(edit -> edit.history().forEach(line -> writes.add(change.entry(line))));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            if (ProjectGuard.refusedAt(refused, 0)) {
                throw ProjectGuard.explain(refused, 0, caller);
            }
            if (ProjectGuard.refusedAt(refused, 1)) {
                Map<String, AttributeValue> seen = ProjectGuard.itemAsSeen(refused, 1);
                if (seen == null) {
                    throw new ProblemException(ProblemCode.NOT_FOUND);
                }
                if (addition.dates().isEmpty() || DocumentItem.toDocument(seen).versions().size() >= addition.versionsBelow()) {
                    throw AdminDocument.full();
                }
            }
            throw ProblemException.concurrentChange();
        }
    }

    /** The project, one of its documents (null: none) and the organization's settings, in one request. */
    public ProjectAndDocument load(String orgId, String projectId, String documentId) {
        if (!Ids.isWellFormed(projectId)) {
            return new ProjectAndDocument(null, null, 0, Organization.defaults(orgId, defaultZone));
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(ProjectItem.key(orgId, projectId), OrganizationItem.key(orgId)));
        if (Ids.isWellFormed(documentId)) {
            keys.add(DocumentItem.key(orgId, projectId, documentId));
        }
        Project project = null;
        Map<String, AttributeValue> document = null;
        Organization organization = Organization.defaults(orgId, defaultZone);
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
     * Writes an edit (title, kind, expiry date, reminder) as {@link DocumentEdit} decided it, in one transaction:
     * guarded, conditioned on the version read, with its history entries, its re-arming and its move in the
     * expiring list.
     */
    public void edit(Caller caller, DocumentEdit edit, Instant at) {
        AdminDocument after = edit.after();
        Expressions e = new Expressions().set(DocumentItem.TITLE, AttributeValue.fromS(after.title()));
        DocumentItem.reminderAttributes(after.reminder()).forEach(e::set);
        details(e, edit);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, after.projectId()));
        writes.add(e.transactUpdate(table, DocumentItem.key(after.orgId(), after.projectId(), after.id())));
        HistoryLog.Change change = history.change(ProjectRef.of(after), caller, at);
        edit.history().forEach(line -> writes.add(change.entry(line)));
        transact(caller, writes);
    }

    /**
     * What an edit and a renewal with new dates write alike: kind and dates, the version (conditioned on the one
     * read), the re-arming and the move in the expiring list.
     */
    private void details(Expressions e, DocumentEdit edit) {
        AdminDocument after = edit.after();
        e.set(DocumentItem.KIND, AttributeValue.fromS(after.kind().name()))
                .set(DocumentItem.ISSUED_ON, Attrs.textOrAbsent(after.issuedOn()))
                .set(DocumentItem.EXPIRES_ON, Attrs.textOrAbsent(after.expiresOn()))
                .increment(DocumentItem.VERSION);
        e.condition(e.name(DocumentItem.VERSION) + " = " + e.value(Attrs.n(edit.readVersion())));
        edit.rearm().ifPresent(rearm -> rearm(e, after, rearm.firstDue(), edit.readVersion() + 1));
        switch (edit.expiring()) {
            case REMOVED -> e.remove(DocumentItem.EXPIRING);
            case MOVED -> DocumentItem.expiring(after.orgId(), after.projectId(), after.id(), after.expiresOn()).forEach(e::set);
            case UNCHANGED -> { }
        }
    }

    /**
     * Stops the document's reminder (an ADMIN: "done"), guarded, conditioned on the version read, recorded.
     * A later change of its schedule re-arms it.
     */
    public void resolve(Caller caller, DocumentResolution resolution, Instant at) {
        AdminDocument after = resolution.after();
        Expressions e = new Expressions()
                .set(DocumentItem.RESOLUTION, AttributeValue.fromS(after.reminderResolution().name()))
                .set(DocumentItem.RESOLVED_AT, AttributeValue.fromS(at.toString()))
                .set(DocumentItem.RESOLVED_BY, AttributeValue.fromS(caller.userId()))
                .remove(ReminderItem.INDEX)
                .remove(ReminderItem.CLAIM)
                .increment(DocumentItem.VERSION);
        e.condition(e.name(DocumentItem.VERSION) + " = " + e.value(Attrs.n(resolution.readVersion())));
        transact(caller, List.of(ProjectGuard.check(table, caller, after.projectId()),
                e.transactUpdate(table, DocumentItem.key(after.orgId(), after.projectId(), after.id())),
                history.change(ProjectRef.of(after), caller, at).entry(resolution.historyLine())));
    }

    /** Arms {@code after}'s reminder anew, first due at {@code due} (or disarms it), clearing claims, firings and resolution. */
    private void rearm(Expressions e, AdminDocument after, Optional<Instant> due, long newVersion) {
        e.remove(ReminderItem.CLAIM).remove(ReminderItem.FIRED)
                .remove(DocumentItem.RESOLUTION, DocumentItem.RESOLVED_AT, DocumentItem.RESOLVED_BY);
        if (due.isPresent()) {
            shards.armed(after.id(), due.get(), newVersion).forEach(e::set);
        } else {
            e.remove(ReminderItem.INDEX);
        }
    }

    /**
     * Deletes the record, guarded, with its history entry. The objects are the caller's to remove. The entries of
     * its pending uploads stay: a still-valid upload URL may yet be used, and if that upload's S3 event is lost
     * too, the entry is how the reconciliation finds the object, after the URL expired, and removes it.
     */
    public void delete(Caller caller, DocumentDeletion deletion, Instant at) {
        AdminDocument document = deletion.document();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(ProjectGuard.check(table, caller, document.projectId()));
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(DocumentItem.key(document.orgId(), document.projectId(), document.id()))
                .conditionExpression("attribute_exists(pk)").build()).build());
        writes.add(history.change(ProjectRef.of(document), caller, at).entry(deletion.historyLine()));
        transact(caller, writes);
    }

    /** The document an upload names, read alone (no caller: the event comes from S3). */
    public Optional<AdminDocument> find(String orgId, String projectId, String documentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DocumentItem.key(orgId, projectId, documentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DocumentItem.toDocument(item));
    }

    private void transact(Caller caller, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException refused) {
            throw ProjectGuard.explain(refused, 0, caller);
        }
    }
}
