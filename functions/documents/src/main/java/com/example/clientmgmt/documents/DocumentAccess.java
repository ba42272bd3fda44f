package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.storage.documents.DocumentStore;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the document routes share: one read of the project and the document with the permission check
 * (read or change), the download of a version, and the deadline of a new version's upload.
 */
@Singleton
class DocumentAccess {
    private final DocumentStore documents;
    private final DocumentFiles files;
    private final Duration uploadGrace;

    DocumentAccess(DocumentStore documents, DocumentFiles files, @Value("${documents.upload-grace}") Duration uploadGrace) {
        this.documents = documents;
        this.files = files;
        this.uploadGrace = uploadGrace;
    }

    DocumentStore.ProjectAndDocument readable(Caller caller, String projectId, String documentId) {
        DocumentStore.ProjectAndDocument loaded = documents.load(caller.orgId(), projectId, documentId);
        ProjectAccess.requireRead(loaded.project(), caller);
        return existing(loaded);
    }

    DocumentStore.ProjectAndDocument changeable(Caller caller, String projectId, String documentId) {
        DocumentStore.ProjectAndDocument loaded = documents.load(caller.orgId(), projectId, documentId);
        ProjectAccess.requireChange(loaded.project(), caller);
        return existing(loaded);
    }

    /** A short-lived link to a version's bytes, named as the user's file; only once its upload was checked. */
    DocumentView.Download download(AdminDocument document, FileVersion version, Instant now) {
        if (version == null || version.status() != FileVersion.Status.AVAILABLE) {
            Object status = version == null ? document.statusAt(now) : version.statusAt(now);
            throw new ProblemException(ProblemCode.DOCUMENT_NOT_AVAILABLE, "DOCUMENT_NOT_AVAILABLE", List.of(status), List.of());
        }
        DocumentFiles.PresignedDownload link = files.presignDownload(document, version);
        return new DocumentView.Download(link.url(), link.expiresAt().toString(), version.id());
    }

    /**
     * Until when a version declared at {@code now} awaits its upload: its URL's lifetime, and a grace period
     * for an upload started just before the URL expired (documents.upload-grace).
     */
    Instant pendingUntil(Instant now) {
        return now.plus(files.uploadValidity()).plus(uploadGrace);
    }

    private static DocumentStore.ProjectAndDocument existing(DocumentStore.ProjectAndDocument loaded) {
        if (loaded.document() == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return loaded;
    }
}
