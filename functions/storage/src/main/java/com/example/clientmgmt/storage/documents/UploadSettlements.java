package com.example.clientmgmt.storage.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.FieldChange;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.domain.UploadSettlement;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.notifications.NotificationItem;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectGuard;
import com.example.clientmgmt.storage.reminders.ReminderItem;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settling a document's uploaded file versions: the upload check (S3 event) and the reconciliation (an event
 * that never came). Each settling is conditioned on the version still being PENDING_UPLOAD, which makes
 * duplicate or late S3 events and a reconciliation racing them change nothing; it removes the version's
 * pending-upload entry and records the outcome. A version that becomes AVAILABLE after an occurrence of the
 * document's reminder fired may renew the document in the same write ({@link UploadSettlement.Renewal}).
 */
@Singleton
public class UploadSettlements {
    /** Who settles uploads in the history: the upload check, not a user. */
    public static final String UPLOAD_CHECK = "system:upload-check";

    private final DynamoDbClient dynamo;
    private final String table;
    private final HistoryLog history;

    public UploadSettlements(DynamoDbClient dynamo, TableConfig table, HistoryLog history) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.history = history;
    }

    /** A file version awaiting its upload, as the reconciliation finds it. */
    public record PendingUpload(String orgId, String projectId, String documentId, String versionId) {}

    /** What settling a version AVAILABLE did. */
    public enum Settled {
        /** Settled, as its landing said. */
        SETTLED,
        /** It was no longer pending: nothing changed. */
        NOT_PENDING,
        /** The project was closed or reopened since the landing was decided: nothing changed, decide again. */
        PROJECT_CHANGED
    }

    /** Version PENDING_UPLOAD → AVAILABLE with what S3 holds, on an open project, renewing nothing; false when nothing changed. */
    public boolean markAvailable(AdminDocument document, String versionId, long size, String checksum, String objectVersion, Instant at) {
        return markAvailable(document, versionId, size, checksum, objectVersion, at, UploadSettlement.Landing.OPEN) == Settled.SETTLED;
    }

    /**
     * Version PENDING_UPLOAD → AVAILABLE with what S3 holds, recorded as {@code landing} says, held to the project's
     * state it was decided on ({@link Settled#PROJECT_CHANGED} otherwise). With a renewal ({@link UploadSettlement#renewal}),
     * the same write also stops the document's reminder as RENEWED and notifies its recipients, held to the renewal's
     * preconditions: an occurrence of the reminder has fired, and it is not resolved yet. When they do not hold, the
     * version is settled without it.
     */
    public Settled markAvailable(AdminDocument document, String versionId, long size, String checksum, String objectVersion,
                                 Instant at, UploadSettlement.Landing landing) {
        if (landing.renewal().isPresent()) {
            Settled renewed = available(document, versionId, size, checksum, objectVersion, at, landing);
            if (renewed != Settled.NOT_PENDING) {
                return renewed;
            }
        }
        return available(document, versionId, size, checksum, objectVersion, at,
                new UploadSettlement.Landing(landing.projectClosed(), Optional.empty()));
    }

    private Settled available(AdminDocument document, String versionId, long size, String checksum, String objectVersion,
                              Instant at, UploadSettlement.Landing landing) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.AVAILABLE))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_SIZE), Attrs.n(size))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_CHECKSUM), Attrs.s(checksum))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_OBJECT_VERSION), Attrs.s(objectVersion))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_UPLOADED_AT), AttributeValue.fromS(at.toString()));
        HistoryLog.Change change = history.change(ProjectRef.of(document), UPLOAD_CHECK, at);
        TransactWriteItem status = change.entry(UploadSettlement.statusLine(document, versionId, FileVersion.Status.AVAILABLE));
        List<TransactWriteItem> extra = new ArrayList<>();
        extra.add(ProjectGuard.stateCheck(table, ProjectRef.of(document), landing.projectClosed()));
        for (FieldChange line : landing.historyLines(document, versionId)) {
            extra.add(change.entry(line));
        }
        if (landing.renewal().isPresent()) {
            UploadSettlement.Renewal renewal = landing.renewal().get();
            e.set(DocumentItem.RESOLUTION, AttributeValue.fromS(Reminder.Resolution.RENEWED.name()))
                    .set(DocumentItem.RESOLVED_AT, AttributeValue.fromS(at.toString()))
                    .set(DocumentItem.RESOLVED_BY, AttributeValue.fromS(UPLOAD_CHECK))
                    .remove(ReminderItem.INDEX)
                    .remove(ReminderItem.CLAIM);
            e.condition("attribute_exists(" + e.name(ReminderItem.FIRED_FOR) + ")")
                    .condition("attribute_not_exists(" + e.name(DocumentItem.RESOLUTION) + ")");
            extra.add(change.entry(renewal.historyLine(document)));
            Notification n = renewal.notification(document, NotificationItem.id(at, document.id(), 0), at);
            for (String recipient : renewal.recipients()) {
                extra.add(NotificationItem.put(table, document.orgId(), recipient, n, "renewed/" + document.id() + "/" + versionId));
            }
        }
        try {
            return settle(document, versionId, e, status, extra) ? Settled.SETTLED : Settled.NOT_PENDING;
        } catch (TransactionCanceledException refused) {
            if (ProjectGuard.refusedAt(refused, FIRST_EXTRA)) {
                return Settled.PROJECT_CHANGED;
            }
            throw refused;
        }
    }

    /** Version PENDING_UPLOAD → REJECTED with the reason, recorded (the document keeps its reminder); false when it was no longer pending. */
    public boolean markRejected(AdminDocument document, String versionId, String reason, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.REJECTED))
                .setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_REJECT_REASON), AttributeValue.fromS(reason));
        return settle(document, versionId, e, history.change(ProjectRef.of(document), UPLOAD_CHECK, at)
                .entry(UploadSettlement.statusLine(document, versionId, FileVersion.Status.REJECTED)), List.of());
    }

    /** Version PENDING_UPLOAD → EXPIRED: its upload never came. False when it was no longer pending. */
    public boolean markExpired(AdminDocument document, String versionId, Instant at) {
        Expressions e = new Expressions();
        e.setPath(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS), DocumentItem.status(FileVersion.Status.EXPIRED));
        return settle(document, versionId, e, null, List.of());
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

    /** Where a settling transaction's extra items start: after the document, its pending entry and its status line. */
    private static final int FIRST_EXTRA = 3;

    /**
     * The settling transaction: the document's version (index 0), its pending entry, its {@code status} line when the
     * version has an outcome, then {@code extra}; false when the version was no longer pending. Any other refusal is thrown.
     */
    private boolean settle(AdminDocument document, String versionId, Expressions e, TransactWriteItem status, List<TransactWriteItem> extra) {
        e.condition(e.path(DocumentItem.VERSIONS, versionId, DocumentItem.V_STATUS) + " = "
                + e.value(DocumentItem.status(FileVersion.Status.PENDING_UPLOAD)));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(e.transactUpdate(table, DocumentItem.key(document.orgId(), document.projectId(), document.id())));
        writes.add(PendingUploadItem.delete(table, document, versionId));
        if (status != null) {
            writes.add(status);
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
}
