package com.example.clientmgmt.uploads;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentKeys;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.storage.documents.DocumentStore;
import com.example.clientmgmt.storage.documents.UploadSettlements;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The reconciliation of uploads, so that a lost S3 event never loses an uploaded file: on each run, every
 * file version still PENDING_UPLOAD past its deadline (its upload URL's expiry and a grace period, so that
 * an upload started just before the expiry has arrived) is checked against S3. Its object there is
 * finalized exactly as its event would have done it (AVAILABLE or REJECTED); no object means the upload
 * never came: the version EXPIRES — never the document, its reminder or its history. Every write is
 * conditioned on the version still being pending, so a late event and a run racing it settle it once. The
 * pending upload of a document deleted since is checked too: an object that came through its URL (and whose event
 * was lost, or it would be gone already) is removed, every S3 version of it, so nothing no document owns stays.
 * Where S3 will not tell whether an object is there (403 to a HEAD: the role lacks s3:ListBucket, or is denied), the
 * upload is left as it is, counted as undetermined and logged, and checked again on the next run: never settled on a
 * guess, never a failed run.
 */
@Singleton
public class UploadReconciler {
    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(UploadReconciler.class);
    private final DocumentStore documents;
    private final UploadSettlements settlements;
    private final UploadFinalizer finalizer;
    private final Metrics metrics;

    public UploadReconciler(DocumentStore documents, UploadSettlements settlements, UploadFinalizer finalizer, Metrics metrics) {
        this.documents = documents;
        this.settlements = settlements;
        this.finalizer = finalizer;
        this.metrics = metrics;
    }

    /** What a run found; logged, and returned by the handler. */
    @Serdeable
    public record Report(String asOf, int checked, int finalized, int rejected, int neverUploaded, int alreadyFinal,
                         int orphansRemoved, int undetermined) {}

    public Report run(Instant now) {
        long started = System.nanoTime();
        int checked = 0, finalized = 0, rejected = 0, never = 0, already = 0, orphans = 0, undetermined = 0;
        for (List<UploadSettlements.PendingUpload> page : settlements.pendingUploads(now, PAGE)) {
            for (UploadSettlements.PendingUpload pending : page) {
                checked++;
                Optional<AdminDocument> document = documents.find(pending.orgId(), pending.projectId(), pending.documentId());
                Optional<FileVersion> version = document.flatMap(d -> d.version(pending.versionId()));
                if (version.isEmpty()) {
                    // the document was deleted while this upload's URL was valid: whatever came through it is nobody's
                    OptionalInt removed = finalizer.removeOrphans(DocumentKeys.objectKey(pending.orgId(), pending.projectId(),
                            pending.documentId(), pending.versionId()));
                    if (removed.isEmpty()) {
                        undetermined++; // its entry stays: the next run looks again
                        continue;
                    }
                    orphans += removed.getAsInt();
                    settlements.forget(pending);
                    already++;
                    continue;
                }
                switch (finalizer.finalizeVersion(document.get(), version.get(), null)) {
                    case AVAILABLE -> finalized++;
                    case REJECTED -> rejected++;
                    case OBJECT_GONE -> {
                        if (settlements.markExpired(document.get(), pending.versionId(), now)) {
                            finalizer.settled(document.get());
                            never++;
                        } else {
                            already++;
                        }
                    }
                    case CANNOT_TELL -> undetermined++;
                    case ALREADY_FINAL, UNKNOWN_KEY, ORPHAN_REMOVED -> {
                        settlements.forget(pending);
                        already++;
                    }
                }
            }
        }
        Report report = new Report(now.toString(), checked, finalized, rejected, never, already, orphans, undetermined);
        if (undetermined > 0) {
            LOG.warn("upload reconciliation could not tell what S3 holds for {} uploads (403 to HeadObject), left for the next run: {}",
                    undetermined, report);
        } else if (finalized + rejected > 0) {
            LOG.warn("upload reconciliation settled uploads whose S3 event never came: {}", report);
        } else {
            LOG.info("upload reconciliation {}", report);
        }
        metrics.record(Map.of("UploadEventsLost", (double) (finalized + rejected), "UploadsReconciledAvailable", (double) finalized,
                "UploadsReconciledRejected", (double) rejected, "UploadsNeverArrived", (double) never,
                "UploadsOrphanRemoved", (double) orphans, "UploadsUndetermined", (double) undetermined), Unit.COUNT, Map.of());
        metrics.record(Map.of("ReconcileDuration", (System.nanoTime() - started) / 1e6), Unit.MILLISECONDS, Map.of());
        return report;
    }
}
