package com.example.clientmgmt.uploads;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentKeys;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.UploadPolicy;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.storage.DocumentStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Finalizes one uploaded object: the document it belongs to becomes AVAILABLE when S3 holds exactly
 * what was declared, otherwise REJECTED and the object version is removed. Every step is conditioned on
 * the document still being PENDING_UPLOAD, so a repeated or late event changes nothing.
 */
@Singleton
public class UploadFinalizer {
    private static final Logger LOG = LoggerFactory.getLogger(UploadFinalizer.class);

    /** What one event led to, for logs and tests. */
    public enum Outcome { AVAILABLE, REJECTED, ALREADY_FINAL, UNKNOWN_KEY, OBJECT_GONE }

    private final DocumentStore documents;
    private final DocumentFiles files;
    private final UploadPolicy policy;
    private final Clock clock;

    public UploadFinalizer(DocumentStore documents, DocumentFiles files, UploadPolicy policy, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.policy = policy;
        this.clock = clock;
    }

    public Outcome finalizeUpload(String key, String eventVersionId) {
        Optional<DocumentKeys.Parsed> parsed = DocumentKeys.parse(key);
        Optional<AdminDocument> found = parsed.flatMap(p -> documents.find(p.orgId(), p.projectId(), p.documentId()));
        if (found.isEmpty()) {
            LOG.warn("upload event for a key that is no declared document, ignored: {}", key);
            return Outcome.UNKNOWN_KEY;
        }
        return finalizeDocument(found.get(), eventVersionId);
    }

    /**
     * Finalizes {@code document} with its object as S3 holds it now ({@code versionId}, or the latest version
     * when null): the upload event's path once the document is read, and the reconciliation's.
     */
    public Outcome finalizeDocument(AdminDocument document, String eventVersionId) {
        String key = document.objectKey();
        if (document.status() != DocumentStatus.PENDING_UPLOAD) {
            if (eventVersionId != null && !eventVersionId.equals(document.versionId())) {
                // a second PUT through a still-valid URL: the checked version stays the one served
                files.deleteVersion(key, eventVersionId);
                LOG.warn("extra version {} of {} removed; document is {}", eventVersionId, key, document.status());
            }
            return Outcome.ALREADY_FINAL;
        }
        Optional<DocumentFiles.StoredObject> stored = files.head(key, eventVersionId);
        if (stored.isEmpty()) {
            LOG.warn("no object at {} for pending document {}", key, document.id());
            return Outcome.OBJECT_GONE;
        }
        DocumentFiles.StoredObject object = stored.get();
        String rejection = policy.rejectionOf(document, object.size(), object.contentType());
        if (rejection == null) {
            boolean changed = documents.markAvailable(document, object.size(), stripQuotes(object.eTag()), object.versionId(), clock.instant());
            return changed ? Outcome.AVAILABLE : Outcome.ALREADY_FINAL;
        }
        boolean changed = documents.markRejected(document, rejection, clock.instant());
        if (changed) {
            files.deleteVersion(key, object.versionId());
            LOG.warn("upload of {} rejected ({}): declared {} bytes {}, got {} bytes {}", key, rejection,
                    document.declaredSize(), document.contentType(), object.size(), object.contentType());
            return Outcome.REJECTED;
        }
        return Outcome.ALREADY_FINAL;
    }

    private static String stripQuotes(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
