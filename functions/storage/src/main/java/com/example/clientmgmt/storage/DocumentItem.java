package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.ReminderSchedule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An admin document (the project's partition, sort key {@link Keys#DOCUMENT_PREFIX} + id): what was declared,
 * what the upload check found ({@code status}, size, checksum, pinned {@code versionId}), the reminder
 * date and note, {@code ver} (user edits are conditioned on it) and, while the upload is pending or was
 * rejected, {@code expiresAt} (TTL). An armed reminder adds the attributes of {@link ReminderItem}. While the
 * upload is awaited, {@link #awaitingUpload} puts it in the Lookup index until the upload URL expires, so that the
 * reconciliation finds it if S3's event never comes.
 */
public final class DocumentItem {
    static final String VERSION = "ver";
    static final String STATUS = "status";
    static final String TITLE = "title";
    static final String REMINDER_DATE = "reminderDate";
    static final String REMINDER_NOTE = "reminderNote";
    static final String SIZE = "sizeBytes";
    static final String CHECKSUM = "checksum";
    static final String OBJECT_VERSION = "versionId";
    static final String UPLOADED_AT = "uploadedAt";
    static final String REJECT_REASON = "rejectReason";
    /** DynamoDB's TTL attribute (epoch seconds). */
    static final String EXPIRES_AT = "expiresAt";

    private DocumentItem() {}

    static Map<String, AttributeValue> key(String orgId, String projectId, String documentId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.DOCUMENT_PREFIX + documentId);
    }

    static String prefix() {
        return Keys.DOCUMENT_PREFIX;
    }

    static boolean isPosition(String sortKey) {
        return sortKey.startsWith(Keys.DOCUMENT_PREFIX) && Ids.isWellFormed(sortKey.substring(Keys.DOCUMENT_PREFIX.length()));
    }

    /**
     * A newly declared document at version 1, its reminder armed when it has one. The reminder benchmark
     * seeds its documents with this too, so they are stored exactly as declared ones.
     */
    public static Map<String, AttributeValue> newItem(AdminDocument document, ReminderSchedule schedule) {
        Map<String, AttributeValue> item = item(document, 1);
        if (ReminderSchedule.isArmed(document)) {
            item.putAll(ReminderItem.armed(document.id(), schedule.dueAt(document.reminderDate()), 1));
        }
        return item;
    }

    static Map<String, AttributeValue> item(AdminDocument d, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.orgId(), d.projectId(), d.id()));
        item.put("type", AttributeValue.fromS("AdminDocument"));
        item.put("orgId", AttributeValue.fromS(d.orgId()));
        item.put("projectId", AttributeValue.fromS(d.projectId()));
        item.put("id", AttributeValue.fromS(d.id()));
        item.put(TITLE, AttributeValue.fromS(d.title()));
        item.put("fileName", AttributeValue.fromS(d.fileName()));
        item.put("contentType", AttributeValue.fromS(d.contentType()));
        item.put("declaredSize", Attrs.n(d.declaredSize()));
        item.put(STATUS, status(d.status()));
        Attrs.putIfPresent(item, SIZE, d.sizeBytes() == null ? null : Attrs.n(d.sizeBytes()));
        Attrs.putIfPresent(item, CHECKSUM, d.checksum());
        Attrs.putIfPresent(item, OBJECT_VERSION, d.versionId());
        Attrs.putIfPresent(item, REJECT_REASON, d.rejectReason());
        Attrs.putIfPresent(item, REMINDER_DATE, d.reminderDate());
        Attrs.putIfPresent(item, REMINDER_NOTE, d.reminderNote());
        item.put("createdAt", AttributeValue.fromS(d.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(d.createdBy()));
        Attrs.putIfPresent(item, UPLOADED_AT, d.uploadedAt());
        item.put(VERSION, Attrs.n(version));
        return item;
    }

    /** The Lookup index entry of a pending upload whose URL expires at {@code urlExpiresAt}. */
    static Map<String, AttributeValue> awaitingUpload(Instant urlExpiresAt) {
        return Map.of(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.PENDING_UPLOADS),
                Keys.LOOKUP_SK, AttributeValue.fromS(Keys.instantText(urlExpiresAt)));
    }

    /** Removed when the upload's outcome is known: the document leaves the pending uploads. */
    static final String[] AWAITING_UPLOAD = {Keys.LOOKUP_PK, Keys.LOOKUP_SK};

    static AttributeValue status(DocumentStatus status) {
        return AttributeValue.fromS(status.name());
    }

    /** The TTL value that removes the item after {@code at}. */
    static AttributeValue expiresAt(Instant at) {
        return Attrs.n(at.getEpochSecond());
    }

    static long version(Map<String, AttributeValue> item) {
        return Attrs.num(item, VERSION);
    }

    static AdminDocument toDocument(Map<String, AttributeValue> i) {
        return new AdminDocument(Attrs.str(i, "orgId"), Attrs.str(i, "projectId"), Attrs.str(i, "id"), Attrs.str(i, TITLE),
                Attrs.str(i, "fileName"), Attrs.str(i, "contentType"), Attrs.num(i, "declaredSize"),
                DocumentStatus.valueOf(Attrs.str(i, STATUS)), Attrs.optionalNum(i, SIZE),
                Attrs.str(i, CHECKSUM), Attrs.str(i, OBJECT_VERSION), Attrs.str(i, REJECT_REASON),
                Attrs.date(i, REMINDER_DATE), Attrs.str(i, REMINDER_NOTE),
                Attrs.instant(i, "createdAt"), Attrs.str(i, "createdBy"), Attrs.instant(i, UPLOADED_AT));
    }
}
