package com.example.clientmgmt.uploads;

import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentKeys;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.domain.UploadPolicy;
import com.example.clientmgmt.domain.UploadSettlement;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.storage.documents.DocumentStore;
import com.example.clientmgmt.storage.documents.UploadSettlements;
import com.example.clientmgmt.storage.organization.OrganizationStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finalizes one uploaded file version: it becomes AVAILABLE when S3 holds exactly what was declared,
 * otherwise REJECTED and the object version is removed. Every step is conditioned on the version still
 * being PENDING_UPLOAD, so a repeated or late event changes nothing; an object that arrives for a version
 * that can no longer take it (expired, rejected) is removed, so nothing stays in the bucket that no
 * document owns.
 */
@Singleton
public class UploadFinalizer {
    private static final Logger LOG = LoggerFactory.getLogger(UploadFinalizer.class);

    /** What one event led to, for logs and tests. */
    public enum Outcome { AVAILABLE, REJECTED, ALREADY_FINAL, UNKNOWN_KEY, OBJECT_GONE, ORPHAN_REMOVED, CANNOT_TELL }

    private final DocumentStore documents;
    private final UploadSettlements settlements;
    private final DocumentFiles files;
    private final UploadPolicy policy;
    private final Clock clock;
    private final ReminderSchedule schedule;
    private final ProjectStore projects;
    private final OrganizationStore organizations;
    private final ReadinessStore readiness;

    public UploadFinalizer(DocumentStore documents, UploadSettlements settlements, DocumentFiles files, UploadPolicy policy, Clock clock, ReminderSchedule schedule,
                           ProjectStore projects, OrganizationStore organizations, ReadinessStore readiness) {
        this.documents = documents;
        this.settlements = settlements;
        this.files = files;
        this.policy = policy;
        this.clock = clock;
        this.schedule = schedule;
        this.projects = projects;
        this.organizations = organizations;
        this.readiness = readiness;
    }

    /** An S3 event's object: the version its key names, with the S3 version the event names (null when none). */
    public Outcome finalizeUpload(String key, String eventObjectVersion) {
        Optional<DocumentKeys.Parsed> parsed = DocumentKeys.parse(key);
        Optional<AdminDocument> found = parsed.flatMap(p -> documents.find(p.orgId(), p.projectId(), p.documentId()));
        Optional<FileVersion> version = found.flatMap(d -> d.version(parsed.get().versionId()));
        if (version.isEmpty()) {
            DocumentFiles.Presence orphan = parsed.isPresent() ? files.look(key, eventObjectVersion) : new DocumentFiles.Presence.Absent();
            if (orphan instanceof DocumentFiles.Presence.Present present) {
                // one of our keys that no document owns: a still-valid URL used after its document was deleted
                // (a document's record is written before its URL is handed out, so it is not one on its way)
                files.deleteVersion(key, present.object().versionId());
                LOG.warn("object {} (version {}) removed: no document owns it (deleted, or never declared)", key, eventObjectVersion);
                return Outcome.ORPHAN_REMOVED;
            }
            if (orphan instanceof DocumentFiles.Presence.Unknown unknown) {
                LOG.warn("upload event for a key no file version owns, left to the reconciliation: {}", unknown.reason());
                return Outcome.CANNOT_TELL;
            }
            LOG.warn("upload event for a key that is no declared file version, ignored: {}", key);
            return Outcome.UNKNOWN_KEY;
        }
        return finalizeVersion(found.get(), version.get(), eventObjectVersion);
    }

    /** At most this many S3 versions of one orphan key are removed in one go (each PUT through a URL makes one). */
    static final int MAX_ORPHAN_VERSIONS = 20;

    /**
     * Removes every S3 version of {@code key}, one of our keys that no document owns any more; returns how many,
     * or empty when S3 would not tell whether an object is there (403: try again on a later run). Only when such an
     * object exists: reads otherwise.
     */
    public OptionalInt removeOrphans(String key) {
        int removed = 0;
        DocumentFiles.Presence latest = files.look(key, null);
        while (latest instanceof DocumentFiles.Presence.Present present && removed < MAX_ORPHAN_VERSIONS) {
            files.deleteVersion(key, present.object().versionId());
            removed++;
            latest = files.look(key, null);
        }
        if (removed > 0) {
            LOG.warn("object {} removed ({} versions): its document was deleted before the upload's event came, which was lost", key, removed);
        }
        if (latest instanceof DocumentFiles.Presence.Unknown unknown && removed == 0) {
            LOG.warn("cannot tell whether an orphan object is there; tried again on the next run: {}", unknown.reason());
            return OptionalInt.empty();
        }
        return OptionalInt.of(removed);
    }

    /**
     * Settles {@code version} with its object as S3 holds it now ({@code eventObjectVersion}, or the latest
     * when null): the upload event's path once the document is read, and the reconciliation's.
     */
    public Outcome finalizeVersion(AdminDocument document, FileVersion version, String eventObjectVersion) {
        String key = document.objectKey(version.id());
        if (version.status() != FileVersion.Status.PENDING_UPLOAD) {
            boolean served = version.status() == FileVersion.Status.AVAILABLE;
            if (!served || (eventObjectVersion != null && !eventObjectVersion.equals(version.objectVersion()))) {
                // a second PUT through a still-valid URL, or an upload for a version that can no longer take it
                files.deleteVersion(key, eventObjectVersion);
                LOG.warn("object {} (version {}) removed: its file version is {}", key, eventObjectVersion, version.status());
            }
            return Outcome.ALREADY_FINAL;
        }
        DocumentFiles.Presence presence = files.look(key, eventObjectVersion);
        if (presence instanceof DocumentFiles.Presence.Unknown unknown) {
            LOG.warn("pending version {} of document {} left pending: {}", version.id(), document.id(), unknown.reason());
            return Outcome.CANNOT_TELL;
        }
        if (!(presence instanceof DocumentFiles.Presence.Present present)) {
            LOG.info("no object at {} for pending version {} of document {}", key, version.id(), document.id());
            return Outcome.OBJECT_GONE;
        }
        DocumentFiles.StoredObject object = present.object();
        UploadSettlement settlement = UploadSettlement.of(policy, schedule, document, version, object.size(), object.contentType());
        if (settlement.outcome() == FileVersion.Status.AVAILABLE) {
            return available(document, version, object, settlement);
        }
        boolean changed = settlements.markRejected(document, version.id(), settlement.rejection(), clock.instant());
        if (changed) {
            settled(document);
            files.deleteVersion(key, object.versionId());
            LOG.warn("upload of {} rejected ({}): declared {} bytes {}, got {} bytes {}", key, settlement.rejection(),
                    version.declaredSize(), version.contentType(), object.size(), object.contentType());
            return Outcome.REJECTED;
        }
        return Outcome.ALREADY_FINAL;
    }

    /** At most this many times a settling is decided again because the project was closed or reopened meanwhile. */
    static final int LANDING_ATTEMPTS = 3;

    /**
     * Settles an AVAILABLE version where it lands. Its project is read only when the version may renew the document (the
     * renewal needs its ADMIN members); otherwise it is taken as open, which the write checks: a project closed meanwhile
     * (or found closed) makes it decide again from the project as it is.
     */
    private Outcome available(AdminDocument document, FileVersion version, DocumentFiles.StoredObject object, UploadSettlement settlement) {
        boolean readProject = settlement.mayRenew();
        for (int attempt = 0; attempt < LANDING_ATTEMPTS; attempt++) {
            UploadSettlement.Landing landing = readProject ? landing(document, settlement) : UploadSettlement.Landing.OPEN;
            UploadSettlements.Settled settled = settlements.markAvailable(document, version.id(), object.size(),
                    stripQuotes(object.eTag()), object.versionId(), clock.instant(), landing);
            switch (settled) {
                case SETTLED -> {
                    settled(document);
                    if (landing.projectClosed()) {
                        LOG.info("version {} of document {} kept on its closed project, renewing nothing", version.id(), document.id());
                    }
                    return Outcome.AVAILABLE;
                }
                case NOT_PENDING -> {
                    return Outcome.ALREADY_FINAL;
                }
                case PROJECT_CHANGED -> readProject = true;
            }
        }
        LOG.warn("version {} of document {} left pending: its project kept closing and reopening; the reconciliation settles it",
                version.id(), document.id());
        return Outcome.CANNOT_TELL;
    }

    /** A version of {@code document} settled (or lapsed): its project's readiness follows ({@link ReadinessStore}). */
    void settled(AdminDocument document) {
        readiness.afterWrite(document.orgId(), document.projectId(), clock.instant());
    }

    private UploadSettlement.Landing landing(AdminDocument document, UploadSettlement settlement) {
        return settlement.landing(projects.find(document.orgId(), document.projectId()).orElse(null),
                () -> organizations.nameOf(document.orgId()));
    }

    private static String stripQuotes(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
