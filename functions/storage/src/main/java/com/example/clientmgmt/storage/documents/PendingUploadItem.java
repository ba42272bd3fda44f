package com.example.clientmgmt.storage.documents;

import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A file version awaiting its upload (the project's partition, sort key {@link Keys#UPLOAD_PREFIX} +
 * document + version; outside the documents' key range): it is what the upload reconciliation finds in the
 * Lookup index ({@code lpk = UPLOADS#PENDING}, {@code lsk} = the version's {@code pendingUntil}). Written with
 * the version, deleted when the version is settled; if nothing settles it, DynamoDB's TTL removes it
 * {@link #KEPT} after it lapsed. The version itself lives in the document item.
 */
public final class PendingUploadItem {
    /** How long an unsettled entry outlives its version's deadline before TTL may remove it. */
    static final Duration KEPT = Duration.ofDays(7);

    private PendingUploadItem() {}

    /** Which version an entry stands for. */
    record Ref(String orgId, String projectId, String documentId, String versionId) {}

    static Map<String, AttributeValue> key(String orgId, String projectId, String documentId, String versionId) {
        return Keys.key(Keys.projectPk(orgId, projectId), Keys.UPLOAD_PREFIX + documentId + "#" + versionId);
    }

    static Map<String, AttributeValue> item(String orgId, String projectId, String documentId, String versionId, Instant pendingUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId, projectId, documentId, versionId));
        item.put("type", AttributeValue.fromS("PendingUpload"));
        item.put("orgId", AttributeValue.fromS(orgId));
        item.put("projectId", AttributeValue.fromS(projectId));
        item.put("documentId", AttributeValue.fromS(documentId));
        item.put("versionId", AttributeValue.fromS(versionId));
        item.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.PENDING_UPLOADS));
        item.put(Keys.LOOKUP_SK, AttributeValue.fromS(Keys.instantText(pendingUntil) + "#" + versionId));
        item.put(Keys.EXPIRES_AT, Attrs.n(pendingUntil.plus(KEPT).getEpochSecond()));
        return item;
    }

    static Ref toRef(Map<String, AttributeValue> item) {
        return new Ref(Attrs.str(item, "orgId"), Attrs.str(item, "projectId"), Attrs.str(item, "documentId"),
                Attrs.str(item, "versionId"));
    }

    static boolean isWellFormed(Ref ref) {
        return Ids.isWellFormed(ref.projectId()) && Ids.isWellFormed(ref.documentId()) && Ids.isWellFormed(ref.versionId());
    }

    /** The entry of a version awaiting its upload, as one write of a transaction. */
    static software.amazon.awssdk.services.dynamodb.model.TransactWriteItem put(String table, com.example.clientmgmt.domain.AdminDocument d,
                                                                             com.example.clientmgmt.domain.FileVersion v) {
        return software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item(d.orgId(), d.projectId(), d.id(), v.id(), v.pendingUntil()))).build();
    }

    /** Its removal (the version was settled, or its document deleted), as one write of a transaction. */
    static software.amazon.awssdk.services.dynamodb.model.TransactWriteItem delete(String table, com.example.clientmgmt.domain.AdminDocument d,
                                                                                String versionId) {
        return software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                .delete(x -> x.tableName(table).key(key(d.orgId(), d.projectId(), d.id(), versionId))).build();
    }
}
